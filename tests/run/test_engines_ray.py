"""The Ray engine on a local Ray instance: the in-process result, and a killed worker retried."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_engines_local import (
    SETTINGS,
    SlowGated,
    events_by_page,
    kill_shard_worker_once,
    make_crawl,
    store_dump,
)

from frontwire.pipeline import Pipeline
from frontwire.run.engines import InProcess, RayEngine, worker_env
from frontwire.run.shards import plan

ray = pytest.importorskip("ray", reason='Ray is an optional extra: pip install "frontwire[ray]"')
pytest.importorskip("pyarrow", reason="shard output is Parquet: pip install 'frontwire[parquet]'")


@pytest.fixture(scope="module")
def ray_instance():  # noqa: ANN201
    """One local Ray instance for the module (start-up takes seconds); workers see $FRONTWIRE_DATA and
    can import this test directory (the kill test's step lives here)."""
    here = str(Path(__file__).parent)
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [here, os.environ.get("PYTHONPATH")]))
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, runtime_env={"env_vars": worker_env()})
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_crawl(tmp_path_factory.mktemp("crawl"))


def test_ray_codes_the_same_events_as_in_process(ray_instance, crawl: Path, tmp_path: Path) -> None:  # noqa: ANN001
    local = plan([str(crawl)], tmp_path / "local", SETTINGS)
    list(InProcess().run(local))
    remote = plan([str(crawl)], tmp_path / "ray", SETTINGS)
    engine = RayEngine(workers=2)
    reports = list(engine.run(remote))
    assert sorted(r.path for r in reports) == sorted(t.path for t in remote) and os.getpid() not in {
        r.pid for r in reports
    }
    assert events_by_page(remote) == events_by_page(local)
    assert sum(len(v) for v in events_by_page(remote).values()) > 5
    assert store_dump(tmp_path / "ray.sqlite", remote) == store_dump(tmp_path / "local.sqlite", local)
    assert all(r.skipped for r in engine.run(remote))  # the markers


def test_a_ray_worker_killed_mid_shard_is_retried_without_duplicates(
    ray_instance, crawl: Path, tmp_path: Path
) -> None:  # noqa: ANN001
    reference = plan([str(crawl)], tmp_path / "local", SETTINGS)
    list(InProcess().run(reference))
    progress = tmp_path / "progress"
    tasks = plan([str(crawl)], tmp_path / "ray", SETTINGS, step=SlowGated(Pipeline(SETTINGS), progress))
    killed: list[int] = []
    killer = kill_shard_worker_once(progress, killed)
    reports = list(RayEngine(workers=2).run(tasks))
    killer.join()
    assert killed and len(reports) == 3 and killed[0] not in {r.pid for r in reports}
    assert not list((tmp_path / "ray").glob("*.tmp-*"))
    pages, mentions, ids = store_dump(tmp_path / "ray.sqlite", tasks)
    assert len(ids) == len(set(ids)) == mentions
    assert (pages, mentions, ids) == store_dump(tmp_path / "local.sqlite", reference)
