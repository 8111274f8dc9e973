//! The BERT encoder of all-MiniLM-L6-v2, written on candle-core's tensor
//! operations (no candle-nn / candle-transformers: their builds are large
//! and this is one small model).

use crate::{EmbedError, WordPiece, MAX_TOKENS};
use candle_core::{DType, Device, Tensor, D};
use std::collections::HashMap;
use std::path::Path;

const HEADS: usize = 12;
const LAYER_NORM_EPS: f64 = 1e-12;
/// Texts encoded together (similar lengths, so little padding).
const BATCH: usize = 32;

struct LayerNorm {
    weight: Tensor,
    bias: Tensor,
}

struct Linear {
    /// Transposed: (in, out).
    weight_t: Tensor,
    bias: Tensor,
}

struct Layer {
    query: Linear,
    key: Linear,
    value: Linear,
    attention_out: Linear,
    attention_norm: LayerNorm,
    intermediate: Linear,
    output: Linear,
    output_norm: LayerNorm,
}

pub struct MiniLm {
    tokenizer: WordPiece,
    word: Tensor,
    position: Tensor,
    token_type: Tensor,
    embedding_norm: LayerNorm,
    layers: Vec<Layer>,
    hidden: usize,
}

fn compute(e: candle_core::Error) -> EmbedError {
    EmbedError::Compute(e.to_string())
}

impl MiniLm {
    /// Loads `model.safetensors` and `vocab.txt` from `dir`.
    pub fn load(dir: &Path) -> Result<MiniLm, EmbedError> {
        let weights_path = dir.join("model.safetensors");
        let vocab_path = dir.join("vocab.txt");
        for path in [&weights_path, &vocab_path] {
            if !path.is_file() {
                return Err(EmbedError::Model {
                    path: path.clone(),
                    message: "not found; run scripts/setup-minilm.sh to fetch the model".into(),
                });
            }
        }
        let tokenizer = WordPiece::from_file(&vocab_path)?;
        let mut tensors =
            candle_core::safetensors::load(&weights_path, &Device::Cpu).map_err(|e| {
                EmbedError::Model {
                    path: weights_path.clone(),
                    message: e.to_string(),
                }
            })?;
        let mut take = |name: &str| -> Result<Tensor, EmbedError> {
            let t = tensors.remove(name).ok_or_else(|| EmbedError::Model {
                path: weights_path.clone(),
                message: format!("no tensor {name}"),
            })?;
            t.to_dtype(DType::F32).map_err(compute)
        };
        let mut linear = |prefix: &str| -> Result<Linear, EmbedError> {
            Ok(Linear {
                weight_t: take(&format!("{prefix}.weight"))?
                    .t()
                    .and_then(|t| t.contiguous())
                    .map_err(compute)?,
                bias: take(&format!("{prefix}.bias"))?,
            })
        };
        let mut layers = Vec::new();
        let mut norms = Vec::new();
        for i in 0..6 {
            let p = format!("encoder.layer.{i}");
            layers.push((
                linear(&format!("{p}.attention.self.query"))?,
                linear(&format!("{p}.attention.self.key"))?,
                linear(&format!("{p}.attention.self.value"))?,
                linear(&format!("{p}.attention.output.dense"))?,
                linear(&format!("{p}.intermediate.dense"))?,
                linear(&format!("{p}.output.dense"))?,
            ));
            norms.push((
                format!("{p}.attention.output.LayerNorm"),
                format!("{p}.output.LayerNorm"),
            ));
        }
        let mut norm = |prefix: &str| -> Result<LayerNorm, EmbedError> {
            Ok(LayerNorm {
                weight: take(&format!("{prefix}.weight"))?,
                bias: take(&format!("{prefix}.bias"))?,
            })
        };
        let embedding_norm = norm("embeddings.LayerNorm")?;
        let mut built = Vec::new();
        for ((query, key, value, attention_out, intermediate, output), (a, o)) in
            layers.into_iter().zip(norms)
        {
            built.push(Layer {
                query,
                key,
                value,
                attention_out,
                attention_norm: norm(&a)?,
                intermediate,
                output,
                output_norm: norm(&o)?,
            });
        }
        let word = take("embeddings.word_embeddings.weight")?;
        let position = take("embeddings.position_embeddings.weight")?;
        let token_type = take("embeddings.token_type_embeddings.weight")?;
        let hidden = word.dim(1).map_err(compute)?;
        if hidden % HEADS != 0 {
            return Err(EmbedError::Model {
                path: weights_path,
                message: format!("hidden size {hidden} is not a multiple of {HEADS} heads"),
            });
        }
        Ok(MiniLm {
            tokenizer,
            word,
            position,
            token_type,
            embedding_norm,
            layers: built,
            hidden,
        })
    }

    /// Dimension of the vectors.
    pub fn dimension(&self) -> usize {
        self.hidden
    }

    /// One unit-length vector per text (mean of its token vectors).
    pub fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        let ids: Vec<Vec<u32>> = texts
            .iter()
            .map(|t| self.tokenizer.encode(t, MAX_TOKENS))
            .collect();
        // Similar lengths together, so that batches carry little padding.
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| (ids[i].len(), i));
        let mut out: HashMap<usize, Vec<f32>> = HashMap::with_capacity(texts.len());
        for chunk in order.chunks(BATCH) {
            let batch: Vec<&[u32]> = chunk.iter().map(|&i| ids[i].as_slice()).collect();
            let vectors = self.encode_batch(&batch).map_err(compute)?;
            for (&i, v) in chunk.iter().zip(vectors) {
                out.insert(i, v);
            }
        }
        Ok((0..texts.len())
            .map(|i| out.remove(&i).unwrap_or_default())
            .collect())
    }

    fn encode_batch(&self, batch: &[&[u32]]) -> candle_core::Result<Vec<Vec<f32>>> {
        let device = Device::Cpu;
        let n = batch.len();
        let len = batch.iter().map(|b| b.len()).max().unwrap_or(0);
        let mut flat = Vec::with_capacity(n * len);
        let mut mask = Vec::with_capacity(n * len);
        for ids in batch {
            for j in 0..len {
                flat.push(ids.get(j).copied().unwrap_or(0));
                mask.push(if j < ids.len() { 1.0f32 } else { 0.0 });
            }
        }
        let ids = Tensor::from_vec(flat, (n * len,), &device)?;
        let mask = Tensor::from_vec(mask, (n, len), &device)?;
        let positions = Tensor::arange(0u32, len as u32, &device)?;
        let words = self
            .word
            .index_select(&ids, 0)?
            .reshape((n, len, self.hidden))?;
        let positions = self.position.index_select(&positions, 0)?;
        let token_type = self.token_type.get(0)?;
        let x = words
            .broadcast_add(&positions)?
            .broadcast_add(&token_type)?;
        let mut x = layer_norm(&x, &self.embedding_norm)?;
        // Padding gets a large negative score, so no attention goes to it.
        let additive = ((mask.clone() - 1.0)? * 1e9)?.reshape((n, 1, 1, len))?;
        let head = self.hidden / HEADS;
        let scale = 1.0 / (head as f64).sqrt();
        for layer in &self.layers {
            let split = |t: Tensor| -> candle_core::Result<Tensor> {
                t.reshape((n, len, HEADS, head))?
                    .transpose(1, 2)?
                    .contiguous()
            };
            let q = split(linear(&x, &layer.query)?)?;
            let k = split(linear(&x, &layer.key)?)?;
            let v = split(linear(&x, &layer.value)?)?;
            let scores = (q.matmul(&k.t()?.contiguous()?)? * scale)?.broadcast_add(&additive)?;
            let probs = softmax_last(&scores)?;
            let context =
                probs
                    .matmul(&v)?
                    .transpose(1, 2)?
                    .contiguous()?
                    .reshape((n, len, self.hidden))?;
            let attended = linear(&context, &layer.attention_out)?;
            x = layer_norm(&(attended + &x)?, &layer.attention_norm)?;
            let inner = linear(&x, &layer.intermediate)?.gelu_erf()?;
            let out = linear(&inner, &layer.output)?;
            x = layer_norm(&(out + &x)?, &layer.output_norm)?;
        }
        // Mean over the real tokens, then unit length.
        let weights = mask.unsqueeze(2)?;
        let summed = x.broadcast_mul(&weights)?.sum(1)?;
        let counts = weights.sum(1)?.clamp(1e-9, f64::MAX)?;
        let mean = summed.broadcast_div(&counts)?;
        let norms = mean.sqr()?.sum_keepdim(1)?.sqrt()?.clamp(1e-12, f64::MAX)?;
        mean.broadcast_div(&norms)?.to_vec2::<f32>()
    }
}

fn linear(x: &Tensor, l: &Linear) -> candle_core::Result<Tensor> {
    x.broadcast_matmul(&l.weight_t)?.broadcast_add(&l.bias)
}

fn layer_norm(x: &Tensor, norm: &LayerNorm) -> candle_core::Result<Tensor> {
    let mean = x.mean_keepdim(D::Minus1)?;
    let centred = x.broadcast_sub(&mean)?;
    let variance = centred.sqr()?.mean_keepdim(D::Minus1)?;
    let normed = centred.broadcast_div(&(variance + LAYER_NORM_EPS)?.sqrt()?)?;
    normed
        .broadcast_mul(&norm.weight)?
        .broadcast_add(&norm.bias)
}

fn softmax_last(x: &Tensor) -> candle_core::Result<Tensor> {
    let max = x.max_keepdim(D::Minus1)?;
    let exp = x.broadcast_sub(&max)?.exp()?;
    let sum = exp.sum_keepdim(D::Minus1)?;
    exp.broadcast_div(&sum)
}
