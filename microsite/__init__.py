"""Static research microsite generator: raw news reports in, a static site out."""
