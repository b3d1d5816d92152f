"""Executors: run the pipeline's steps over a stream of pages, each page isolated and time-limited."""

from frontwire.run.batch import BatchStats, Result, result_to_dict, run_batch
from frontwire.run.guard import Guard

__all__ = ["BatchStats", "Guard", "Result", "result_to_dict", "run_batch"]
