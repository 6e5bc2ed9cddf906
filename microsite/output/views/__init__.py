"""The views of the page kinds: for each kind, which pages it has (``*_pages``) and what a
page's template shows (``*_view``). The kinds themselves are declared in ``output.kinds``."""
