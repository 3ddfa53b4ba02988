"""The solve pipeline: sampling → filtering → test inputs → clustering → selection → judging, one module per stage.

`policy` (what a sampler is), `sampling` (stage 1), `filtering` (stage 2); stage 3 lives in `test_generator.generate`,
stage 4 in `clustering.behaviour`, stage 5 in `clustering.selection`; `solve` wires them, `output` writes the
records, `commands` is the CLI entry, `imported` reads programs sampled elsewhere, `causal` samples from any
Hugging Face causal code model.
"""
