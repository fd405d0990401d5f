"""Stage 4, results as text: rows for CSV, TSV, JSON, JSONL and Markdown, the terminal tables
(``text``).

May import: ``ivig_blina.analyses`` and every stage below it. Never figures or cli.
"""
