"""The request editor: RequestItemDialog and the panels, forms and prompts only it uses."""
