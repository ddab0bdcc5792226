"""What a person sees outside a session: the home page with its status and the
exercise carousel, the welcome page and the safety (red-flag) pages.
"""
