"""Ingest: the only code that opens inputs. ``read_input`` then ``read_pages``."""

from newsdesk.ingest.pages import read_pages
from newsdesk.ingest.read import RawInput, decode_input, read_input, walk_inputs

__all__ = ["RawInput", "decode_input", "read_input", "read_pages", "walk_inputs"]
