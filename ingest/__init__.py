"""Reading resumes into the store: file -> lines -> sections and identity -> chunks -> store."""
