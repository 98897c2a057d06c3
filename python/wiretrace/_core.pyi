"""Type stubs of the native module ``wiretrace._core``."""

from collections.abc import Callable
from pathlib import Path

__all__ = [
    "align_articles", "align_many", "align_passages", "align_texts", "analyze_paths", "analyze_records",
    "analyze_texts", "claims_many", "copy_matrix", "demo_files", "demo_manifest", "extract", "extract_many", "parse_many",
    "parse_text", "render_fragment", "render_html", "write_tables", "cli_main", "cluster_paths", "cluster_texts", "synth", "version_rows",
    "WiretraceError", "__version__",
]

__version__: str

class WiretraceError(Exception):
    """Base class of every error wiretrace raises."""

def extract(text: str, *, format: str | None = None) -> str: ...
def extract_many(texts: list[str], *, format: str | None = None) -> list[str]: ...
def parse_many(texts: list[str], *, format: str | None = None) -> list[str]: ...
def parse_text(text: str, *, id: str = "document", format: str | None = None) -> str: ...
def analyze_paths(
    paths: list[str],
    *,
    columns: dict[str, str] | None = None,
    max_bytes: int | None = None,
    agencies: list[str] | None = None,
    attribution_model: str | None = None,
) -> str: ...
def analyze_records(
    records_json: str, *, agencies: list[str] | None = None, attribution_model: str | None = None
) -> str: ...
def analyze_texts(
    items: list[tuple[str, str]], *, agencies: list[str] | None = None, attribution_model: str | None = None
) -> str: ...
def render_html(report_json: str) -> str: ...
def render_fragment(report_json: str, view: str, cluster: str | None = None) -> str: ...
def copy_matrix(report_json: str, cluster: str, kinds: list[str]) -> list[list[float | None]]: ...
def write_tables(report_json: str, directory: str, format: str) -> list[Path]: ...
def demo_files() -> list[tuple[str, str]]: ...
def demo_manifest() -> str: ...
def cli_main(argv: list[str]) -> int: ...
def cluster_paths(
    paths: list[str],
    *,
    content_threshold: float = 0.3,
    containment_threshold: float = 0.15,
    num_perm: int = 128,
    columns: dict[str, str] | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> str: ...
def version_rows(
    paths: list[str],
    *,
    content_threshold: float = 0.3,
    containment_threshold: float = 0.15,
    columns: dict[str, str] | None = None,
    parquet: bool = False,
    progress: Callable[[str, int], None] | None = None,
    attribution_model: str | None = None,
) -> tuple[bytes, str]: ...
def synth(
    path: str,
    *,
    stories: int = 100,
    versions: int = 4,
    rewrite: float = 0.5,
    words: int = 600,
    outlets: int = 200,
    derived: float = 0.0,
    truth: bool = False,
    wire: bool = True,
    dates: bool = True,
    outlet_styles: bool = True,
    seed: int = 1,
) -> int: ...
def cluster_texts(
    items: list[tuple[str, str]],
    *,
    content_threshold: float = 0.3,
    containment_threshold: float = 0.15,
    num_perm: int = 128,
) -> str: ...
def claims_many(texts: list[str], *, format: str | None = None) -> str: ...
def align_texts(a: str, b: str, *, a_id: str = "a", b_id: str = "b", format: str | None = None) -> str: ...
def align_articles(a: str, b: str) -> str: ...
def align_many(texts: list[str], ids: list[str], pairs: list[tuple[int, int]], *, format: str | None = None) -> str: ...
def align_passages(source: str, target: str) -> str: ...
