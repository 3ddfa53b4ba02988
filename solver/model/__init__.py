"""The AlphaCode model (encoder-decoder with multi-query attention) and its fast mass sampler.

Importing this package registers the model with Hugging Face's Auto classes, so
`AutoConfig.from_pretrained(dir)` and `AutoModelForSeq2SeqLM.from_pretrained(dir)` load saved checkpoints.
"""

from transformers import AutoConfig, AutoModelForSeq2SeqLM

from solver.model.modeling import PRESETS, AlphaCodeConfig, AlphaCodeForConditionalGeneration
from solver.model.sampling import Sample, sample_programs

AutoConfig.register(AlphaCodeConfig.model_type, AlphaCodeConfig, exist_ok=True)
AutoModelForSeq2SeqLM.register(AlphaCodeConfig, AlphaCodeForConditionalGeneration, exist_ok=True)

__all__ = ["PRESETS", "AlphaCodeConfig", "AlphaCodeForConditionalGeneration", "Sample", "sample_programs"]
