// The layer-collapse worked example, typeset with KaTeX on the server from lib/math's numbers:
// W = W₂W₁, b = W₂b₁ + b₂, and the same output from two layers and from one. Ships no JavaScript.
import katex from "katex";
import { formatNumber } from "@/lib/math/format";
import { applyAffine, applyLayers, COLLAPSE_EXAMPLE, collapseAffine, type Matrix, type Vector } from "@/lib/math/matrix";

/** TeX for a number: formatNumber's display form with its U+2212 minus turned back into TeX's "-". */
const n = (v: number) => formatNumber(v).replace("\u2212", "-");
const mat = (m: Matrix) => `\\begin{bmatrix} ${m.map((row) => row.map(n).join(" & ")).join(" \\\\ ")} \\end{bmatrix}`;
const vec = (v: Vector) => mat(v.map((e) => [e]));

function Tex({ tex }: { tex: string }) {
  // The TeX is built here from numbers, not from user input; KaTeX escapes what it renders.
  const html = katex.renderToString(tex, { displayMode: true, output: "htmlAndMathml", throwOnError: true, strict: "error" });
  return <div dangerouslySetInnerHTML={{ __html: html }} />;
}

export function CollapseExample() {
  const { first, second, x } = COLLAPSE_EXAMPLE;
  const one = collapseAffine(first, second);
  const hidden = applyAffine(first, x);
  const two = applyLayers([first, second], x);
  const single = applyAffine(one, x);
  return (
    <div data-testid="collapse-example">
      <Tex tex={`W_1 = ${mat(first.W)},\\quad b_1 = ${vec(first.b)}`} />
      <Tex tex={`W_2 = ${mat(second.W)},\\quad b_2 = ${vec(second.b)}`} />
      <Tex tex={`W = W_2 W_1 = ${mat(second.W)} ${mat(first.W)} = ${mat(one.W)}`} />
      <Tex tex={`b = W_2 b_1 + b_2 = ${mat(second.W)} ${vec(first.b)} + ${vec(second.b)} = ${vec(one.b)}`} />
      <Tex tex={`x = ${vec(x)}:\\qquad W_1 x + b_1 = ${vec(hidden)}`} />
      <Tex tex={`W_2 (W_1 x + b_1) + b_2 = ${vec(two)},\\qquad W x + b = ${vec(single)}`} />
    </div>
  );
}
