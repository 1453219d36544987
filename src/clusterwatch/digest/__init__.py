"""The digest stage: the archive's new alerts in, one email per recipient out.

Takes the alerts no digest of a recipient holds yet; gives a digest grouped by topic and story,
written as Markdown, HTML and text files (``templates/``) and recorded so that each item goes
out exactly once (``build``), and sent over SMTP (``mailer``); a failed send keeps the items.
"""
