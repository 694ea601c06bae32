"""Recruiter assistant: ask questions about a pile of resumes, with answers that cite exact lines.

Data flow: ``ingest`` reads files into lines, sections, a candidate identity and chunks, and writes
them to the store; ``assistant`` retrieves evidence per candidate, writes an answer and checks every
citation against the stored lines. ``app.py`` and the command lines are thin layers over
:class:`assistant.service.Assistant`.
"""
