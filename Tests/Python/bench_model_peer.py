"""PyTorch CPU peer of `aigq bench model`: the same transformer and the same three tasks.

One process per measurement. Prints one JSON line:
  {"tool": "torch", "mode": "eager"|"compile", "version", "task", "config", "threads", "seconds",
   "units", "peak_rss_kib"}
Timing covers only the work: imports, model construction and one warm-up repetition (which also
triggers torch.compile's compilation) come before the clock starts. Threads are pinned with
torch.set_num_threads(N) and torch.set_num_interop_threads(1), before any tensor work.

The model is nanoGPT's (pre-LayerNorm, causal self-attention via scaled_dot_product_attention,
GELU tanh, tied embeddings), fp32. Tasks (as Sources/Benchmarks/ModelWorkload.swift):
  train     batch 32 x context, next-token cross-entropy, backward, clip 1.0, AdamW step; units = tokens
  generate  64 prompts, 64 new tokens each with a preallocated KV cache, temperature 1, top-k 100; units = new tokens
  grpo      generate as above, then log-probs of the completions, a per-token weighted backward, AdamW; units = steps
Usage: bench_model_peer.py --task train --config S --threads 2 --mode eager --steps 3
"""
import argparse
import json
import os
import resource
import sys
import time

CONFIGS = {"S": dict(V=8192, C=128, L=4, NH=4, T=64), "M": dict(V=16384, C=256, L=6, NH=8, T=128)}
BATCH, GEN_BATCH, NEW_TOKENS = 32, 64, 64


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--task", choices=["train", "generate", "grpo"], required=True)
    parser.add_argument("--config", choices=list(CONFIGS), required=True)
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--mode", choices=["eager", "compile"], default="eager")
    parser.add_argument("--steps", type=int, default=3)
    args = parser.parse_args()

    import torch
    import torch.nn as nn
    import torch.nn.functional as F

    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    torch.set_flush_denormal(True)
    torch.manual_seed(1)
    cfg = CONFIGS[args.config]
    V, C, L, NH, T = cfg["V"], cfg["C"], cfg["L"], cfg["NH"], cfg["T"]
    hs = C // NH

    class Block(nn.Module):
        def __init__(self):
            super().__init__()
            self.ln_1, self.ln_2 = nn.LayerNorm(C), nn.LayerNorm(C)
            self.c_attn, self.attn_proj = nn.Linear(C, 3 * C), nn.Linear(C, C)
            self.c_fc, self.mlp_proj = nn.Linear(C, 4 * C), nn.Linear(4 * C, C)

        def forward(self, x, cache=None, pos=0):
            B, Tn, _ = x.shape
            q, k, v = self.c_attn(self.ln_1(x)).split(C, dim=2)
            q, k, v = (t.view(B, Tn, NH, hs).transpose(1, 2) for t in (q, k, v))  # (B, NH, Tn, hs)
            if cache is None:
                y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
            else:
                kc, vc = cache
                kc[:, :, pos:pos + Tn] = k
                vc[:, :, pos:pos + Tn] = v
                keys, values = kc[:, :, :pos + Tn], vc[:, :, :pos + Tn]
                y = F.scaled_dot_product_attention(q, keys, values, is_causal=Tn > 1)
            x = x + self.attn_proj(y.transpose(1, 2).reshape(B, Tn, C))
            return x + self.mlp_proj(F.gelu(self.c_fc(self.ln_2(x)), approximate="tanh"))

    class GPT(nn.Module):
        def __init__(self):
            super().__init__()
            self.wte, self.wpe = nn.Embedding(V, C), nn.Embedding(T, C)
            self.h = nn.ModuleList(Block() for _ in range(L))
            self.ln_f = nn.LayerNorm(C)

        def hidden(self, idx, caches=None, pos=0):
            x = self.wte(idx) + self.wpe(torch.arange(pos, pos + idx.shape[1]))
            for i, block in enumerate(self.h):
                x = block(x, None if caches is None else caches[i], pos)
            return self.ln_f(x)

        def forward(self, idx):
            return self.hidden(idx) @ self.wte.weight.T

    model = GPT()
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4, betas=(0.9, 0.95), weight_decay=0.1)
    g = torch.Generator().manual_seed(2)

    def train_step(tokens, targets):
        logits = model(tokens)
        loss = F.cross_entropy(logits.view(-1, V), targets.view(-1))
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()

    if args.mode == "compile":
        model_forward = torch.compile(model)

        def train_step(tokens, targets):  # noqa: F811 — the compiled variant
            logits = model_forward(tokens)
            loss = F.cross_entropy(logits.view(-1, V), targets.view(-1))
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()

    prompt_len = max(1, min(16, T - NEW_TOKENS + 1))
    prompts = torch.randint(0, V, (GEN_BATCH, prompt_len), generator=g)

    @torch.no_grad()
    def generate(seed):
        gen = torch.Generator().manual_seed(seed)
        caches = [(torch.empty(GEN_BATCH, NH, T, hs), torch.empty(GEN_BATCH, NH, T, hs)) for _ in range(L)]
        h = model.hidden(prompts, caches, 0)[:, -1]
        pos, out = prompt_len, []
        for i in range(NEW_TOKENS):
            logits = h @ model.wte.weight.T
            values, indices = torch.topk(logits, 100, dim=-1)
            choice = torch.multinomial(F.softmax(values, dim=-1), 1, generator=gen)
            token = indices.gather(-1, choice)
            out.append(token)
            if i + 1 < NEW_TOKENS:
                h = model.hidden(token, caches, pos)[:, -1]
                pos += 1
        return torch.cat(out, dim=1)

    def grpo_step(seed):
        completions = generate(seed)
        seq = torch.cat([prompts, completions], dim=1)[:, :-1]
        logits = model.hidden(seq)[:, prompt_len - 1:] @ model.wte.weight.T  # head at completion positions only
        logp = F.log_softmax(logits, dim=-1).gather(-1, completions.unsqueeze(-1)).squeeze(-1)
        weights = (torch.rand(logp.shape, generator=g) * 2 - 1) / logp.numel()
        loss = -(weights * logp).sum()
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()

    if args.task == "train":
        stream = torch.randint(0, V, (BATCH * T + 1,), generator=g)
        tokens, targets = stream[:-1].view(BATCH, T), stream[1:].view(BATCH, T)
        work, units = (lambda i: train_step(tokens, targets)), BATCH * T
    elif args.task == "generate":
        work, units = generate, GEN_BATCH * NEW_TOKENS
    else:
        work, units = grpo_step, 1

    work(0)  # warm-up (and compilation)
    if os.environ.get("AIGQ_TORCH_PROFILE"):  # diagnostics: where one repetition's time goes, on stderr
        from torch.profiler import ProfilerActivity, profile
        with profile(activities=[ProfilerActivity.CPU]) as prof:
            work(99)
        print(prof.key_averages().table(sort_by="self_cpu_time_total", row_limit=12), file=sys.stderr)
    start = time.perf_counter()
    for i in range(args.steps):
        work(i + 1)
    seconds = time.perf_counter() - start
    print(json.dumps({"tool": "torch", "mode": args.mode, "version": torch.__version__, "task": args.task,
                      "config": args.config, "threads": args.threads, "seconds": seconds,
                      "units": units * args.steps, "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))


if __name__ == "__main__":
    main()
