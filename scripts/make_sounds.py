"""Write the cue sounds, resources/sounds/<name>.wav, with the standard library only.

    python scripts/make_sounds.py            # (re)write them
    python scripts/make_sounds.py --check    # exit 1 when a committed file differs

Each sound is one to three soft sine notes (a quiet second and third harmonic
for warmth), 16-bit PCM mono at 22.05 kHz, each note faded in and out with a
raised cosine so nothing clicks; peaks stay at a third of full scale, so the
volume setting has room. Every file is under 20 KB. The output is the same
byte for byte on every run and every machine (no randomness, no time stamps).
"""

from __future__ import annotations

import argparse
import math
import struct
import sys
import wave
from io import BytesIO
from pathlib import Path

RATE = 22050
PEAK = 0.33  # of full scale
FADE_S = 0.03
GAP_S = 0.02  # silence between two notes
OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds"

# name -> the notes: (start Hz, end Hz, seconds); a glide when the two differ
SOUNDS: dict[str, tuple[tuple[float, float, float], ...]] = {
    "inhale": ((392.0, 523.25, 0.40),),  # G4 gliding up to C5: breathe in
    "exhale": ((523.25, 392.0, 0.40),),  # and back down: breathe out
    "hold": ((440.0, 440.0, 0.28),),  # one steady A4
    "release": ((329.63, 329.63, 0.30),),  # one lower E4: the hold is over
    "switch": ((440.0, 440.0, 0.16), (554.37, 554.37, 0.16)),  # A4 then C#5
    "next": ((523.25, 523.25, 0.16), (659.25, 659.25, 0.16)),  # C5 then E5
    "rest": ((392.0, 392.0, 0.18), (329.63, 329.63, 0.18)),  # G4 then E4
    "done": ((523.25, 523.25, 0.12), (659.25, 659.25, 0.12), (783.99, 783.99, 0.15)),  # C E G
}


def note(start_hz: float, end_hz: float, seconds: float) -> list[float]:
    n = round(seconds * RATE)
    fade = round(FADE_S * RATE)
    samples = []
    phase = 0.0
    for i in range(n):
        f = start_hz + (end_hz - start_hz) * i / max(n - 1, 1)
        phase += 2 * math.pi * f / RATE  # integrate the frequency: a glide without jumps
        tone = math.sin(phase) + 0.25 * math.sin(2 * phase) + 0.08 * math.sin(3 * phase)
        edge = min(i, n - 1 - i)
        envelope = 0.5 - 0.5 * math.cos(math.pi * edge / fade) if edge < fade else 1.0
        decay = 1.0 - 0.35 * i / n  # a little softer towards the end, like a struck bar
        samples.append(tone / 1.33 * envelope * decay)
    return samples


def render(notes: tuple[tuple[float, float, float], ...]) -> bytes:
    samples: list[float] = []
    for k, spec in enumerate(notes):
        if k:
            samples += [0.0] * round(GAP_S * RATE)
        samples += note(*spec)
    frames = b"".join(struct.pack("<h", round(s * PEAK * 32767)) for s in samples)
    buffer = BytesIO()
    with wave.open(buffer, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(frames)
    return buffer.getvalue()


def all_sounds() -> dict[str, bytes]:
    return {name: render(notes) for name, notes in SOUNDS.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    stale = []
    for name, data in all_sounds().items():
        path = OUT / f"{name}.wav"
        if args.check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(path.name)
            continue
        OUT.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"{path.relative_to(OUT.parent.parent)}: {len(data)} bytes")
    if stale:
        print("out of date: " + ", ".join(stale) + " (run scripts/make_sounds.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
