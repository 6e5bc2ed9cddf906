#!/usr/bin/env python3
"""Entry point: ``python build.py`` builds site/; ``python build.py normalize`` re-normalizes seeds."""
import sys
from pathlib import Path

from microsite.cli import main

if __name__ == "__main__":
    sys.exit(main(root=Path(__file__).resolve().parent))
