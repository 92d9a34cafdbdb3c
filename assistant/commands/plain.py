"""Placeholder until the assistant lands: says so in Chinese."""

from __future__ import annotations

import argparse
import sys


def run(args: argparse.Namespace) -> int:
    print("对话式向导尚未完成，请先使用 nianbao check / render。", file=sys.stderr)
    return 2
