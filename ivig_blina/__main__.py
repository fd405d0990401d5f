from ivig_blina.cli import entry

entry()
