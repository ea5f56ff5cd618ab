"""Deterministic offline sample of ATS career boards, with a ground-truth oracle.

``generate_sample(paths, ...)`` simulates boards day by day, writes every daily fetch to the raw
layer exactly as the provider would have answered (faults included), and writes the sample manifest
and the lifecycle events the warehouse must find (docs/contracts.md section 4).
"""

from postings.sample.generator import SampleSummary, build_sample, generate_sample
from postings.sample.oracle import LifecycleParams
from postings.sample.registry import PROVIDERS

__all__ = ["PROVIDERS", "LifecycleParams", "SampleSummary", "build_sample", "generate_sample"]
