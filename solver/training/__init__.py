"""Training: pre-training on a code corpus, fine-tuning on problems, and the test-input model.

config (YAML → dataclasses) → data (examples and batches) → losses → trainer (accelerate loop, checkpoints) →
commands (`solve pretrain | finetune | train-testgen`); testgen samples inputs from a trained test-input model.
"""
