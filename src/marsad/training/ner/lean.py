"""The BiLSTM graph the tagger runs: torch's export rewritten lean, its LSTM weights int8.

torch exports the network's sequence part (:meth:`Net.sequence` in
:mod:`marsad.training.ner.neural`) as two one-way LSTMs, the backward one reading each
sentence reversed by index gathers, with zero start states computed from the input's shape:
about fifty small nodes around the two LSTMs, a fixed cost on every call of the tagger.
:func:`lean_sequence` writes the same network as one bidirectional ONNX LSTM that reads each
sentence's length (``lengths``; the backward direction starts at a sentence's own last
token), with the same weights: the same numbers out, eight nodes. :func:`quantize` then
stores the LSTM's weights as int8 (onnxruntime's dynamic quantisation; the output layer
stays float). Its activations are quantised at run time with one scale per call, so a
sentence's scores move a little (about 0.03) with the other sentences of its batch: an
article's labels depend on that article alone, but a sentence tagged alone may get other
labels than in its article (0.03% of news tokens); ``make_lean(..., int8=False)`` keeps them
float. Needs the ``onnx`` package (the ``train`` extra); the tagger needs onnxruntime only.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np

from marsad.errors import MarsadError
from marsad.ner.neural import SEQUENCE_FILE

TORCH_INPUTS = ("x", "rev", "names")  # what torch's export of Net.sequence reads


class NotTorchExportError(MarsadError, ValueError):
    """The graph is not torch's export of the sequence part (already lean, or another one)."""


def lean_sequence(model):
    """The lean graph (an ``onnx.ModelProto``) of torch's exported sequence graph ``model``:
    inputs ``x`` (B,T,D) float, ``lengths`` (B) int32, ``names`` (B,T) int64 when the network
    reads the name list; output ``emissions`` (B,T,labels)."""
    from onnx import TensorProto, checker, helper, numpy_helper

    inputs = [i.name for i in model.graph.input]
    if inputs[:2] != list(TORCH_INPUTS[:2]):
        raise NotTorchExportError(f"the sequence graph reads {inputs}, not torch's export "
                                  f"{list(TORCH_INPUTS)} (already lean?)")
    weights = {i.name: numpy_helper.to_array(i) for i in model.graph.initializer}
    nodes = list(model.graph.node)
    lstms = [n for n in nodes if n.op_type == "LSTM"]
    if len(lstms) != 2:
        raise NotTorchExportError(f"the sequence graph has {len(lstms)} LSTMs, not 2")
    # Net.states runs self.fwd first: torch exports it first.
    stacked = [np.concatenate([weights[lstm.input[k]] for lstm in lstms]) for k in (1, 2, 3)]
    (matmul,) = [n for n in nodes if n.op_type == "MatMul"]
    (add,) = [n for n in nodes if n.op_type == "Add" and matmul.output[0] in n.input]
    out_w = weights[matmul.input[1]]
    out_b = weights[next(i for i in add.input if i in weights)]
    hidden = stacked[1].shape[-1]
    dim = model.graph.input[0].type.tensor_type.shape.dim[2].dim_value
    tables = [(stacked[0], "W"), (stacked[1], "R"), (stacked[2], "B"), (out_w, "out_w"),
              (out_b, "out_b"), (np.array([0, 0, 2 * hidden], dtype=np.int64), "state_shape")]
    graph_in = [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["b", "t", dim]),
                helper.make_tensor_value_info("lengths", TensorProto.INT32, ["b"])]
    x = "x"
    ops = []
    if "names" in inputs:  # the name-list tags' embedding joins each token's vector
        (gather,) = [n for n in nodes if n.op_type == "Gather" and n.input[1] == "names"]
        tables.append((weights[gather.input[0]], "names_weight"))
        graph_in.append(helper.make_tensor_value_info("names", TensorProto.INT64, ["b", "t"]))
        ops += [helper.make_node("Gather", ["names_weight", "names"], ["name_vectors"]),
                helper.make_node("Concat", ["x", "name_vectors"], ["x_names"], axis=2)]
        x = "x_names"
    ops += [helper.make_node("Transpose", [x], ["x_tb"], perm=[1, 0, 2]),
            helper.make_node("LSTM", ["x_tb", "W", "R", "B", "lengths"], ["states"],
                             hidden_size=hidden, direction="bidirectional"),
            # (T, 2, B, H) -> (B, T, 2H): forward then backward, as Net.sequence concatenates
            helper.make_node("Transpose", ["states"], ["states_bt"], perm=[2, 0, 1, 3]),
            helper.make_node("Reshape", ["states_bt", "state_shape"], ["joined"]),
            helper.make_node("MatMul", ["joined", "out_w"], ["scores"]),
            helper.make_node("Add", ["scores", "out_b"], ["emissions"])]
    graph = helper.make_graph(
        ops, "sequence", graph_in,
        [helper.make_tensor_value_info("emissions", TensorProto.FLOAT, ["b", "t", out_w.shape[1]])],
        [numpy_helper.from_array(a, name) for a, name in tables])
    lean = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    lean.ir_version = model.ir_version
    checker.check_model(lean)
    return lean


def quantize(src: Path, dst: Path) -> None:
    """Write ``src``'s graph to ``dst`` with its LSTM weights int8 (per tensor, dynamic
    quantisation of the activations at run time)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(src), str(dst), op_types_to_quantize=["LSTM"], weight_type=QuantType.QInt8)


def make_lean(model_dir: Path, int8: bool = True) -> None:
    """Replace ``model_dir``'s ``sequence.onnx``, as torch exported it, with the lean graph,
    its LSTM weights int8 unless ``int8`` is false (float32: the torch network's scores
    exactly, and a sentence's scores independent of the sentences batched with it)."""
    import onnx

    path = Path(model_dir) / SEQUENCE_FILE
    if not path.exists():
        raise FileNotFoundError(f"no {SEQUENCE_FILE} in {model_dir}")
    lean = lean_sequence(onnx.load(str(path)))
    if not int8:
        onnx.save(lean, str(path))
        return
    with tempfile.TemporaryDirectory() as tmp:
        float_path = Path(tmp) / SEQUENCE_FILE
        onnx.save(lean, str(float_path))
        quantize(float_path, path)
