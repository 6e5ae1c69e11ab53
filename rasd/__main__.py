"""``python -m rasd``: the rasd command."""

from rasd.cli import main

main()
