"""The pages of a running session: the pain check-ins, breathing, the exercise
with its timer, the progression gate, the end of the session, and the
full-screen view readable from across a room. They draw what the engine's
snapshot says and send it events; they decide nothing themselves.
"""
