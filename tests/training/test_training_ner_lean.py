"""The lean sequence graph computes what torch's export of it computes."""
from __future__ import annotations

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")

from onnx import TensorProto, helper, numpy_helper  # noqa: E402

from marsad.training.ner.lean import NotTorchExportError, lean_sequence, make_lean  # noqa: E402

D, H, TAGS, LABELS = 6, 4, 5, 3


def torch_style_graph(rng) -> onnx.ModelProto:
    """A graph built as torch exports Net.sequence: name-tag embedding joined to x, a forward
    LSTM, a backward LSTM over each sentence reversed within its length by ``rev``, the
    states joined and scored by a linear layer."""
    f = lambda *s: rng.normal(size=s).astype(np.float32)  # noqa: E731
    weights = {"names_weight": f(TAGS, 2), "Wf": f(1, 4 * H, D + 2), "Rf": f(1, 4 * H, H),
               "Bf": f(1, 8 * H), "Wb": f(1, 4 * H, D + 2), "Rb": f(1, 4 * H, H), "Bb": f(1, 8 * H),
               "out_w": f(2 * H, LABELS), "out_b": f(LABELS)}
    nodes = [
        helper.make_node("Gather", ["names_weight", "names"], ["ne"]),
        helper.make_node("Concat", ["x", "ne"], ["xn"], axis=2),
        helper.make_node("Transpose", ["xn"], ["xf"], perm=[1, 0, 2]),
        helper.make_node("LSTM", ["xf", "Wf", "Rf", "Bf"], ["yf"], hidden_size=H),
        helper.make_node("Squeeze", ["yf", "axis1"], ["hf_tb"]),
        helper.make_node("Transpose", ["hf_tb"], ["hf"], perm=[1, 0, 2]),
        helper.make_node("Unsqueeze", ["rev", "axis2"], ["rev3"]),
        helper.make_node("Shape", ["xn"], ["xshape"]),
        helper.make_node("Expand", ["rev3", "xshape"], ["idx_in"]),
        helper.make_node("GatherElements", ["xn", "idx_in"], ["xr"], axis=1),
        helper.make_node("Transpose", ["xr"], ["xb"], perm=[1, 0, 2]),
        helper.make_node("LSTM", ["xb", "Wb", "Rb", "Bb"], ["yb"], hidden_size=H),
        helper.make_node("Squeeze", ["yb", "axis1"], ["hb_tb"]),
        helper.make_node("Transpose", ["hb_tb"], ["hb_r"], perm=[1, 0, 2]),
        helper.make_node("Shape", ["hb_r"], ["hshape"]),
        helper.make_node("Expand", ["rev3", "hshape"], ["idx_out"]),
        helper.make_node("GatherElements", ["hb_r", "idx_out"], ["hb"], axis=1),
        helper.make_node("Concat", ["hf", "hb"], ["h"], axis=2),
        helper.make_node("MatMul", ["h", "out_w"], ["scores"]),
        helper.make_node("Add", ["out_b", "scores"], ["emissions"]),
    ]
    inits = [numpy_helper.from_array(a, n) for n, a in weights.items()]
    inits += [numpy_helper.from_array(np.array([1], dtype=np.int64), "axis1"),
              numpy_helper.from_array(np.array([2], dtype=np.int64), "axis2")]
    graph = helper.make_graph(nodes, "torch_style", [
        helper.make_tensor_value_info("x", TensorProto.FLOAT, ["b", "t", D]),
        helper.make_tensor_value_info("rev", TensorProto.INT64, ["b", "t"]),
        helper.make_tensor_value_info("names", TensorProto.INT64, ["b", "t"])],
        [helper.make_tensor_value_info("emissions", TensorProto.FLOAT, ["b", "t", LABELS])], inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    return model


def run(model, feeds):
    return ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"]).run(None, feeds)[0]


def test_lean_sequence_scores_every_real_token_as_the_torch_graph_does():
    from marsad.ner.neural import reversal

    rng = np.random.default_rng(0)
    model = torch_style_graph(rng)
    lengths = np.array([7, 3, 1, 5])
    x = rng.normal(size=(4, 7, D)).astype(np.float32)
    names = rng.integers(0, TAGS, size=(4, 7))
    old = run(model, {"x": x, "rev": reversal(lengths, 7), "names": names})
    new = run(lean_sequence(model), {"x": x, "lengths": lengths.astype(np.int32), "names": names})
    for i, n in enumerate(lengths):
        np.testing.assert_allclose(new[i, :n], old[i, :n], rtol=1e-5, atol=1e-5)


def test_lean_model_folder_is_int8_and_refuses_a_second_pass(tmp_path):
    rng = np.random.default_rng(1)
    onnx.save(torch_style_graph(rng), str(tmp_path / "sequence.onnx"))
    make_lean(tmp_path)
    ops = {n.op_type for n in onnx.load(str(tmp_path / "sequence.onnx")).graph.node}
    assert "DynamicQuantizeLSTM" in ops and "LSTM" not in ops and "GatherElements" not in ops
    with pytest.raises(NotTorchExportError, match="already lean"):
        make_lean(tmp_path)


def test_lean_model_folder_kept_float_scores_as_the_torch_graph(tmp_path):
    from marsad.ner.neural import reversal

    rng = np.random.default_rng(2)
    model = torch_style_graph(rng)
    onnx.save(model, str(tmp_path / "sequence.onnx"))
    make_lean(tmp_path, int8=False)
    lean = onnx.load(str(tmp_path / "sequence.onnx"))
    assert "LSTM" in {n.op_type for n in lean.graph.node}
    lengths = np.array([2, 6, 4])
    x = rng.normal(size=(3, 6, D)).astype(np.float32)
    names = rng.integers(0, TAGS, size=(3, 6))
    old = run(model, {"x": x, "rev": reversal(lengths, 6), "names": names})
    new = run(lean, {"x": x, "lengths": lengths.astype(np.int32), "names": names})
    for i, n in enumerate(lengths):
        np.testing.assert_allclose(new[i, :n], old[i, :n], rtol=1e-5, atol=1e-5)
