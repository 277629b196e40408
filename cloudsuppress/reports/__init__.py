"""Document writers (PDF, xlsx, docx): plain row objects and a path in, a file out."""
