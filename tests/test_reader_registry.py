"""The readers' registry: ties of sniffs go to the reader whose module comes first in
READER_MODULES, whatever order modules import each other's helpers in."""
from __future__ import annotations

from indexer.readers import READER_MODULES, REGISTRY


def test_registry_is_in_the_order_of_reader_modules():
    modules = [type(reader).__module__.rsplit(".", 1)[1] for reader in REGISTRY.values()]
    assert modules == [m for m in READER_MODULES if m in modules]
    assert len(modules) == len(READER_MODULES)   # one reader per module, none missing

