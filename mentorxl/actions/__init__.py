"""The actions behind the buttons and the commands: each takes a book port and returns an Outcome."""
