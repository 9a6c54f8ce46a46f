#!/usr/bin/env python3
"""Writes a tiny llama-architecture GGUF with random weights and a byte-level vocabulary.

Its words are noise, but llama.cpp loads and runs it, so a server started on it speaks the real protocol and its
JSON-schema constrained answers are valid JSON: enough to test Companion's model engine end to end without
downloading weights. Usage: tiny-gguf.py OUT.gguf
"""
import sys

import numpy as np
import gguf

EMBED, LAYERS, HEADS, FEED_FORWARD, CONTEXT = 64, 1, 4, 128, 8192


def vocabulary():
    tokens, scores, types = [b"<unk>", b"<s>", b"</s>"], [0.0, 0.0, 0.0], [
        gguf.TokenType.UNKNOWN, gguf.TokenType.CONTROL, gguf.TokenType.CONTROL]
    for byte in range(256):
        tokens.append(f"<0x{byte:02X}>".encode())
        scores.append(0.0)
        types.append(gguf.TokenType.BYTE)
    for piece in ["{", "}", "[", "]", '"', ",", ":", "\u2581"]:
        tokens.append(piece.encode())
        scores.append(-1.0)
        types.append(gguf.TokenType.NORMAL)
    return tokens, scores, types


def main(path):
    rng = np.random.default_rng(20261129)
    tokens, scores, types = vocabulary()
    writer = gguf.GGUFWriter(path, "llama")
    writer.add_name("companion-tiny-random")
    writer.add_context_length(CONTEXT)
    writer.add_embedding_length(EMBED)
    writer.add_block_count(LAYERS)
    writer.add_feed_forward_length(FEED_FORWARD)
    writer.add_head_count(HEADS)
    writer.add_head_count_kv(HEADS)
    writer.add_rope_dimension_count(EMBED // HEADS)
    writer.add_layer_norm_rms_eps(1e-5)
    writer.add_file_type(gguf.LlamaFileType.ALL_F32)
    writer.add_tokenizer_model("llama")
    writer.add_token_list(tokens)
    writer.add_token_scores(scores)
    writer.add_token_types(types)
    writer.add_unk_token_id(0)
    writer.add_bos_token_id(1)
    writer.add_eos_token_id(2)
    vocab = len(tokens)

    def weight(*shape):
        return (rng.standard_normal(shape) * 0.02).astype(np.float32)

    writer.add_tensor("token_embd.weight", weight(vocab, EMBED))
    writer.add_tensor("output_norm.weight", np.ones(EMBED, dtype=np.float32))
    writer.add_tensor("output.weight", weight(vocab, EMBED))
    for layer in range(LAYERS):
        prefix = f"blk.{layer}."
        writer.add_tensor(prefix + "attn_norm.weight", np.ones(EMBED, dtype=np.float32))
        for name in ["attn_q", "attn_k", "attn_v", "attn_output"]:
            writer.add_tensor(prefix + name + ".weight", weight(EMBED, EMBED))
        writer.add_tensor(prefix + "ffn_norm.weight", np.ones(EMBED, dtype=np.float32))
        writer.add_tensor(prefix + "ffn_gate.weight", weight(FEED_FORWARD, EMBED))
        writer.add_tensor(prefix + "ffn_up.weight", weight(FEED_FORWARD, EMBED))
        writer.add_tensor(prefix + "ffn_down.weight", weight(EMBED, FEED_FORWARD))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


if __name__ == "__main__":
    main(sys.argv[1])
