"""Rendering: fill the templates in templates/ (xlsx via openpyxl, docx via docxtpl)."""
