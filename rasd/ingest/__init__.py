"""Readers: files, directories, stdin, in every format and encoding Rasd accepts."""

from rasd.ingest.problems import InputError, Problem
from rasd.ingest.reader import read_file, read_inputs, read_stdin

__all__ = ["InputError", "Problem", "read_file", "read_inputs", "read_stdin"]
