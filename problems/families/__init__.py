"""Procedural Codeforces-style task families: each draws instances (statement, tests, reference and wrong
programs in Python 3 and C++) from a seed; `build` verifies them in the sandbox and writes the splits."""
