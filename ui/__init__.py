"""The browser's rendering: Streamlit widgets over :mod:`assistant` and :mod:`ingest`.

``app.py`` wires these together; :mod:`ui.markup` holds the escaping and HTML, free of streamlit.
"""
