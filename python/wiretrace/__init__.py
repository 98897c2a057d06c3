"""wiretrace: how news outlets rewrite wire copy.

Parse articles, group the versions of each story, align them sentence by sentence, extract
claims (numbers, quotes, attributions, hedges) and flag how the claims drift between outlets,
with evidence and character offsets.

>>> import wiretrace
>>> analysis = wiretrace.analyze(texts=wiretrace.demo.files())
>>> sorted(analysis.drifts["kind"].unique())[:3]
['attribution_changed', 'attribution_dropped', 'caption_mismatch']
"""

from __future__ import annotations

from wiretrace import demo
from wiretrace._align import Alignment, align, align_many, align_passages
from wiretrace._analysis import Analysis, analyze, claims
from wiretrace._cluster import cluster
from wiretrace._article import Article, Block, Sentence, extract, extract_many, parse, parse_many
from wiretrace._core import __version__
from wiretrace._corpus import Corpus
from wiretrace._shares import copy_shares, synth
from wiretrace._views import ClaimTable, Cluster
from wiretrace.errors import NoDocumentsError, UnknownClusterError, UnknownDocumentError, WiretraceError

__all__ = [
    "Alignment",
    "Analysis",
    "Article",
    "Block",
    "ClaimTable",
    "Cluster",
    "Corpus",
    "NoDocumentsError",
    "Sentence",
    "UnknownClusterError",
    "UnknownDocumentError",
    "WiretraceError",
    "__version__",
    "align",
    "align_many",
    "align_passages",
    "analyze",
    "claims",
    "cluster",
    "copy_shares",
    "demo",
    "extract",
    "extract_many",
    "parse",
    "parse_many",
    "synth",
]
