"""Steps that split one raw field into several: funding, sections, authors, keywords."""
