"""The training loop shared by pre-training, fine-tuning and the test-input model, on accelerate.

Per micro-batch: the encoder input is corrupted for MLM (15%, 80/10/10) with a generator seeded by
(seed, micro-batch, process), one encoder pass feeds both the MLM loss (through the tied embedding) and the
decoder, and the loss is tempered token loss (+ GOLD from `gold_start_step`) + MLM + value head BCE. Gradients
accumulate over `grad_accum` micro-batches; then the global grad norm is clipped to 1.0, AdamW steps and the
schedule (linear warm-up, cosine decay) advances.

Reproducibility: the epoch order, pivots and MLM masks are pure functions of the seed and the position in the
run, the model/optimizer/scheduler/RNG states go into each checkpoint, and a restarted run continues from the
last checkpoint at the same micro-batch, so its final weights equal an uninterrupted run's.
"""

from __future__ import annotations

import json
import math
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import torch
from accelerate import Accelerator
from accelerate.data_loader import skip_first_batches
from accelerate.utils import GradientAccumulationPlugin
from torch import Tensor, nn
from torch.utils.data import DataLoader
from tqdm import tqdm
from transformers import PreTrainedTokenizerFast
from transformers.utils import logging as transformers_logging

from solver.model.modeling import AlphaCodeConfig, AlphaCodeForConditionalGeneration
from solver.model.tokenizer import MASK_ID, SPECIAL_TOKENS
from solver.training import checkpoint as ckpt
from solver.training.config import LossSection, TrainConfig, TrainingConfigError, dump_config
from solver.training.data import EpochDataset, collate
from solver.training.losses import IGNORE, mask_for_mlm, mlm_loss, token_loss, value_accuracy, value_loss

METRICS_FILE = "metrics.jsonl"
CONFIG_FILE = "config.yaml"
FINAL_DIR = "model"


@dataclass(frozen=True)
class LossParts:
    total: Tensor
    token: Tensor
    mlm: Tensor
    value: Tensor
    value_acc: Tensor | None  # None when no example in the batch has a correctness label


class Objective(nn.Module):
    """The model plus its training loss, as one module so accelerate's wrappers (DDP) see one forward."""

    def __init__(self, model: AlphaCodeForConditionalGeneration, loss: LossSection):
        super().__init__()
        self.model = model
        self.loss = loss

    def forward(self, batch: dict[str, Tensor], mlm_input_ids: Tensor, mlm_labels: Tensor, gold: bool) -> LossParts:
        model = self.model
        # One encoder pass on the corrupted problem serves both MLM and the decoder's cross-attention.
        encoded = model.encoder(mlm_input_ids, batch["attention_mask"])  # (B, S, C)
        out = model(
            attention_mask=batch["attention_mask"],
            encoder_outputs=encoded,
            decoder_input_ids=batch["decoder_input_ids"],
            decoder_attention_mask=batch["decoder_attention_mask"],
            use_cache=False,
            return_value=True,
        )
        cfg = self.loss
        tokens = token_loss(out.logits, batch["labels"], cfg.temperature, gold, cfg.gold_alpha, cfg.gold_beta)
        chosen = mlm_labels != IGNORE  # (B, S)
        mlm = mlm_loss(model.lm_logits(encoded.last_hidden_state[chosen]), mlm_labels[chosen])  # (M, V) vs (M,)
        has = batch["has_label"]
        if bool(has.any()):
            value = value_loss(out.value_logits[has], batch["correct"][has])
            acc = value_accuracy(out.value_logits[has].detach(), batch["correct"][has])
        else:  # keep the value head in the graph (zero gradient) so DDP sees every parameter used
            value, acc = out.value_logits.float().sum() * 0.0, None
        total = tokens.loss + cfg.mlm_weight * mlm + cfg.value_weight * value
        return LossParts(total, tokens.loss.detach(), mlm.detach(), value.detach(), acc)


def lr_lambda(warmup_steps: int, total_steps: int, lr: float, min_lr: float):
    """Multiplier of `lr` at a step: linear from ~0 (1e-9 absolute, as in the paper) to 1 over the warm-up, then
    cosine down to min_lr / lr at the last step."""
    floor = min_lr / lr

    def at(step: int) -> float:
        if step < warmup_steps:
            start = 1e-9 / lr
            return start + (1.0 - start) * step / warmup_steps
        progress = min(1.0, (step - warmup_steps) / max(1, total_steps - warmup_steps))
        return floor + (1.0 - floor) * 0.5 * (1.0 + math.cos(math.pi * progress))

    return at


def build_optimizer(model: nn.Module, config: TrainConfig) -> torch.optim.AdamW:
    """AdamW; matrices and the embedding decay, norm gains and biases (1-D) do not."""
    decay = [p for p in model.parameters() if p.requires_grad and p.ndim >= 2]
    no_decay = [p for p in model.parameters() if p.requires_grad and p.ndim < 2]
    o = config.optim
    return torch.optim.AdamW(
        [{"params": decay, "weight_decay": o.weight_decay}, {"params": no_decay, "weight_decay": 0.0}],
        lr=o.lr,
        betas=(o.beta1, o.beta2),
    )


def build_model(config: TrainConfig, tokenizer: PreTrainedTokenizerFast, resume_from: Path | None):
    if resume_from is not None:
        return AlphaCodeForConditionalGeneration.from_pretrained(resume_from / ckpt.MODEL_DIR, dtype=torch.float32)
    m = config.model
    if m.init_from is not None:
        if not (m.init_from / "config.json").is_file():
            raise TrainingConfigError(f"{m.init_from}: field 'model.init_from': no saved model (config.json) here")
        # float32 whatever was stored: transformers 5 otherwise keeps a float16 export's dtype
        model = AlphaCodeForConditionalGeneration.from_pretrained(m.init_from, dtype=torch.float32)
        if model.config.vocab_size != len(tokenizer):
            raise TrainingConfigError(f"{m.init_from}: vocabulary {model.config.vocab_size} differs from the "
                                      f"tokenizer's {len(tokenizer)}")  # fmt: skip
        return model
    try:
        model_config = AlphaCodeConfig.from_preset(
            m.preset, vocab_size=len(tokenizer), max_encoder_len=m.max_encoder_len,
            max_decoder_len=m.max_decoder_len, dropout=m.dropout,
            **({} if m.n_kv_head is None else {"n_kv_head": m.n_kv_head}),
        )  # fmt: skip
    except Exception as error:  # a ValueError, which huggingface_hub's strict dataclasses wrap in their own error
        cause = error.__cause__ or error
        if not isinstance(cause, ValueError):
            raise
        field = "model.n_kv_head" if m.n_kv_head is not None and "n_kv_head" in str(cause) else "model.preset"
        raise TrainingConfigError(f"field '{field}': {cause}") from None
    torch.manual_seed(config.seed)
    return AlphaCodeForConditionalGeneration(model_config)


def _mixed_precision(choice: str) -> str:
    if choice != "auto":
        return choice
    # CPU bf16 autocast is slower than float32 on most CPUs (no AMX), so "auto" uses it on GPUs only.
    return "bf16" if torch.cuda.is_available() and torch.cuda.is_bf16_supported() else "no"


def _check_run_dir(config: TrainConfig) -> None:
    """Write config.yaml, or refuse to resume a run whose saved config differs."""
    run_dir = config.run_dir
    run_dir.mkdir(parents=True, exist_ok=True)
    saved = run_dir / CONFIG_FILE
    text = dump_config(config)
    if saved.exists() and saved.read_text(encoding="utf-8") != text:
        if ckpt.list_checkpoints(run_dir / "checkpoints"):
            raise TrainingConfigError(f"{saved}: this run directory holds a run with a different config; "
                                      "use a new run_dir or the same config to resume")  # fmt: skip
    saved.write_text(text, encoding="utf-8")


def train(config: TrainConfig, tokenizer: PreTrainedTokenizerFast, dataset: EpochDataset) -> Path:
    """Run (or resume) training to `config.train.steps`; returns the final model directory."""
    t = config.train
    transformers_logging.disable_progress_bar()  # save_pretrained's per-shard bars would break our own bar
    if t.threads is not None:
        torch.set_num_threads(t.threads)
    accelerator = Accelerator(
        mixed_precision=_mixed_precision(t.mixed_precision),
        gradient_accumulation_plugin=GradientAccumulationPlugin(num_steps=t.grad_accum, sync_with_dataloader=False),
    )
    main = accelerator.is_main_process
    checkpoints = config.run_dir / "checkpoints"
    if main:
        _check_run_dir(config)
        ckpt.remove_partial(checkpoints)
        ckpt.remove_partial(config.run_dir)
    accelerator.wait_for_everyone()
    resume_from = ckpt.latest_checkpoint(checkpoints)
    step = ckpt.read_state(resume_from).step if resume_from else 0
    final_dir = config.run_dir / FINAL_DIR
    if step >= t.steps and final_dir.is_dir():
        if main:
            print(f"{config.run_dir}: already trained to step {step}; final model in {final_dir}")
        return final_dir

    model = build_model(config, tokenizer, resume_from)
    optimizer = build_optimizer(model, config)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lr_lambda(config.optim.warmup_steps, t.steps, config.optim.lr, config.optim.min_lr)
    )
    loader = DataLoader(dataset, batch_size=t.batch_size, shuffle=False, collate_fn=collate)
    objective, optimizer, loader = accelerator.prepare(Objective(model, config.loss), optimizer, loader)
    if resume_from is not None:
        # The scheduler is not prepared: accelerate would step it once per process per step.
        optimizer.load_state_dict(torch.load(resume_from / "optimizer.pt", weights_only=False))
        scheduler.load_state_dict(torch.load(resume_from / "scheduler.pt", weights_only=False))
        ckpt.set_rng_state(torch.load(resume_from / ckpt.rng_file(accelerator.process_index), weights_only=False))
        if main:
            _truncate_metrics(config.run_dir / METRICS_FILE, step)
            print(f"resuming from {resume_from} (step {step})")
    else:
        torch.manual_seed(config.seed)

    per_epoch = len(loader)
    micro = step * t.grad_accum
    epoch, offset = divmod(micro, per_epoch)
    window: dict[str, float] = defaultdict(float)
    window_start = time.perf_counter()
    progress = tqdm(total=t.steps, initial=step, disable=not main, desc=config.kind, file=sys.stderr)
    vocab = len(tokenizer)
    while step < t.steps:
        epoch_loader = skip_first_batches(loader, offset) if offset else loader
        epoch_loader.set_epoch(epoch)  # also sets the dataset's epoch (its order and pivots)
        for batch in epoch_loader:
            generator = torch.Generator().manual_seed(
                (config.seed * 1_000_003 + micro) * 64 + accelerator.process_index
            )
            mlm = mask_for_mlm(batch["input_ids"].cpu(), batch["attention_mask"].cpu(), generator, vocab, MASK_ID,
                               len(SPECIAL_TOKENS), config.loss.mlm_probability)  # fmt: skip
            gold = config.loss.gold_start_step is not None and step >= config.loss.gold_start_step
            with accelerator.accumulate(objective):
                with accelerator.autocast():
                    parts = objective(batch, mlm.input_ids.to(accelerator.device),
                                      mlm.labels.to(accelerator.device), gold)  # fmt: skip
                accelerator.backward(parts.total)
                if accelerator.sync_gradients:
                    window["grad_norm"] += float(accelerator.clip_grad_norm_(objective.parameters(),
                                                                             config.optim.grad_clip))  # fmt: skip
                optimizer.step()
                optimizer.zero_grad()
            micro += 1
            _accumulate(window, parts, batch)
            if not accelerator.sync_gradients:
                continue
            scheduler.step()
            step += 1
            progress.update(1)
            if step % t.log_every == 0 or step == t.steps:
                record = _log_record(accelerator, window, step, epoch, scheduler, time.perf_counter() - window_start)
                if main:
                    with open(config.run_dir / METRICS_FILE, "a", encoding="utf-8") as handle:
                        handle.write(json.dumps(record) + "\n")
                    progress.set_postfix(loss=f"{record['loss']:.3f}", tok_s=f"{record['tokens_per_s']:.0f}")
                window, window_start = defaultdict(float), time.perf_counter()
            if step % t.checkpoint_every == 0 or step == t.steps:
                _save_checkpoint(accelerator, objective, optimizer, scheduler, tokenizer, checkpoints, step,
                                 t.keep_checkpoints)  # fmt: skip
            if step >= t.steps:
                break
        else:
            epoch, offset = epoch + 1, 0
            continue
        break
    progress.close()
    if main:
        _save_final(accelerator, objective, tokenizer, final_dir)
    accelerator.wait_for_everyone()
    return final_dir


def _truncate_metrics(path: Path, step: int) -> None:
    """Drop records past the checkpoint being resumed (they will be logged again) and a line cut by the kill."""
    if not path.exists():
        return
    kept = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if record.get("step", step + 1) <= step:
            kept.append(line + "\n")
    path.write_text("".join(kept), encoding="utf-8")


def _accumulate(window: dict[str, float], parts: LossParts, batch: dict[str, Tensor]) -> None:
    window["micro_batches"] += 1
    window["loss"] += float(parts.total.detach())
    window["token_loss"] += float(parts.token)
    window["mlm_loss"] += float(parts.mlm)
    window["value_loss"] += float(parts.value)
    if parts.value_acc is not None:
        window["value_acc"] += float(parts.value_acc)
        window["value_batches"] += 1
    window["tokens"] += float(batch["attention_mask"].sum() + batch["decoder_attention_mask"].sum())


def _log_record(accelerator: Accelerator, window: dict[str, float], step: int, epoch: int, scheduler,
                seconds: float) -> dict[str, float | int | None]:  # fmt: skip
    n = max(window["micro_batches"], 1)
    # Tokens (encoder + decoder, no padding) summed over processes; losses are this process's averages.
    tokens = float(accelerator.reduce(torch.tensor(window["tokens"], device=accelerator.device), "sum"))
    steps = max(window["micro_batches"] / max(accelerator.gradient_accumulation_steps, 1), 1)
    return {
        "step": step,
        "epoch": epoch,
        "lr": scheduler.get_last_lr()[0],
        "loss": window["loss"] / n,
        "token_loss": window["token_loss"] / n,
        "mlm_loss": window["mlm_loss"] / n,
        "value_loss": window["value_loss"] / n,
        "value_acc": window["value_acc"] / window["value_batches"] if window["value_batches"] else None,
        "grad_norm": window["grad_norm"] / steps,
        "tokens_per_s": tokens / max(seconds, 1e-9),
    }


def _save_checkpoint(accelerator, objective, optimizer, scheduler, tokenizer, directory: Path, step: int,
                     keep: int) -> None:  # fmt: skip
    final = directory / ckpt.checkpoint_name(step)
    temp = ckpt.temp_dir_for(final)
    if accelerator.is_main_process:
        temp.mkdir(parents=True, exist_ok=True)
    accelerator.wait_for_everyone()
    torch.save(ckpt.rng_state(), temp / ckpt.rng_file(accelerator.process_index))
    accelerator.wait_for_everyone()
    if accelerator.is_main_process:
        model = accelerator.unwrap_model(objective).model
        model.save_pretrained(temp / ckpt.MODEL_DIR)
        tokenizer.save_pretrained(str(temp / ckpt.MODEL_DIR))
        torch.save(optimizer.state_dict(), temp / "optimizer.pt")
        torch.save(scheduler.state_dict(), temp / "scheduler.pt")
        ckpt.write_state(temp, ckpt.TrainerState(step=step))
        ckpt.publish(temp, final)
        ckpt.prune(directory, keep)
    accelerator.wait_for_everyone()


def _save_final(accelerator, objective, tokenizer, final_dir: Path) -> None:
    temp = ckpt.temp_dir_for(final_dir)
    model = accelerator.unwrap_model(objective).model
    model.save_pretrained(temp)
    tokenizer.save_pretrained(str(temp))
    ckpt.publish(temp, final_dir)
