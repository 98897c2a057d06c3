"""Entry point of the ``wiretrace`` command."""

from __future__ import annotations

import sys

from wiretrace import _core


def main() -> None:
    """Run the command line (see ``wiretrace --help``)."""
    sys.exit(_core.cli_main(["wiretrace", *sys.argv[1:]]))


if __name__ == "__main__":
    main()
