"""The PySide6 desktop GUI of cloudsuppress. The core (``cloudsuppress``) never imports this."""
