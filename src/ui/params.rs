//! The editable numbers of a layer as the stack builder shows them: the engine's parameter table
//! (`engine::param`) for what each number is, `words` for its label. The loop size (a count or a
//! target leverage) is the one number outside the table.

use crate::engine::param::{kind_params, Param, ParamId, COSTS, LAYER};
use crate::engine::{Kind, Layer, LayerKind, LoopSize};
use crate::ui::field::Unit;

/// One editable number of a layer: a kind parameter or one every layer has.
#[derive(Clone, Copy)]
pub enum LayerParam {
    /// A parameter of the layer's kind.
    Kind(&'static Param<LayerKind>),
    /// A risk assumption or the points APR.
    Layer(&'static Param<Layer>),
    /// The loop size: a loop count or a target leverage.
    LoopSize,
}

impl LayerParam {
    /// Field key (the last segment of the validation path `layers[i].<key>`).
    pub fn key(self) -> &'static str {
        match self {
            LayerParam::Kind(p) => p.key,
            LayerParam::Layer(p) => p.key,
            LayerParam::LoopSize => "size",
        }
    }

    /// The engine's id, when it has one.
    pub fn id(self) -> Option<ParamId> {
        match self {
            LayerParam::Kind(p) => Some(p.id),
            LayerParam::Layer(p) => Some(p.id),
            LayerParam::LoopSize => None,
        }
    }

    /// Display unit of the input box.
    pub fn unit(self) -> Unit {
        match self {
            LayerParam::Kind(p) => Unit::of(p.unit, ""),
            LayerParam::Layer(p) => Unit::of(p.unit, ""),
            LayerParam::LoopSize => Unit::Plain(""),
        }
    }

    /// Label and hint.
    pub fn label(self) -> (&'static str, &'static str) {
        match self.id() {
            Some(id) => crate::ui::words::param_label(id),
            None => ("Loops / target leverage", ""),
        }
    }

    /// Read it from a layer (`None` when the layer is of another kind).
    pub fn get(self, l: &Layer) -> Option<f64> {
        match self {
            LayerParam::Kind(p) => (p.get)(&l.kind),
            LayerParam::Layer(p) => (p.get)(l),
            LayerParam::LoopSize => match &l.kind {
                LayerKind::Loop {
                    size: LoopSize::Loops(n),
                    ..
                } => Some(f64::from(*n)),
                LayerKind::Loop {
                    size: LoopSize::Target(t),
                    ..
                } => Some(*t),
                _ => None,
            },
        }
    }

    /// Write it (no-op when the layer is of another kind).
    pub fn set(self, l: &mut Layer, v: f64) {
        match self {
            LayerParam::Kind(p) => (p.set)(&mut l.kind, v),
            LayerParam::Layer(p) => (p.set)(l, v),
            LayerParam::LoopSize => {
                if let LayerKind::Loop { size, .. } = &mut l.kind {
                    *size = match size {
                        // `as` saturates: a huge or negative count cannot wrap (the engine
                        // bounds it).
                        LoopSize::Loops(_) => LoopSize::Loops(v.round().max(0.0) as u32),
                        LoopSize::Target(_) => LoopSize::Target(v),
                    }
                }
            }
        }
    }
}

/// The kind-specific parameters of a layer, its costs apart ([`cost_fields`]).
pub fn kind_fields(kind: Kind) -> impl Iterator<Item = LayerParam> {
    kind_params(kind)
        .iter()
        .filter(|p| p.id != ParamId::PendleFeeTier)
        .map(LayerParam::Kind)
}

/// The cost numbers of a layer (docs/METHODOLOGY.md §12): a Pendle market's fee tier, then the
/// gas, swap fee and impact every layer has.
pub fn cost_fields(kind: Kind) -> impl Iterator<Item = LayerParam> {
    kind_params(kind)
        .iter()
        .filter(|p| p.id == ParamId::PendleFeeTier)
        .map(LayerParam::Kind)
        .chain(COSTS.iter().map(LayerParam::Layer))
}

/// The risk assumptions and points every layer has.
pub fn layer_fields() -> impl Iterator<Item = LayerParam> {
    LAYER.iter().map(LayerParam::Layer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loop_size_keeps_its_mode() {
        let mut l = Layer::template(Kind::Loop, "x".into(), "T".into());
        LayerParam::LoopSize.set(&mut l, 4.4);
        assert_eq!(LayerParam::LoopSize.get(&l), Some(4.0));
        LayerParam::LoopSize.set(&mut l, -1e300);
        assert_eq!(LayerParam::LoopSize.get(&l), Some(0.0));
        let mut t = l.clone();
        if let LayerKind::Loop { size, .. } = &mut t.kind {
            *size = LoopSize::Target(2.0);
        }
        LayerParam::LoopSize.set(&mut t, 2.5);
        assert_eq!(LayerParam::LoopSize.get(&t), Some(2.5));
    }

    #[test]
    fn every_field_reads_back_what_it_writes() {
        for kind in Kind::ALL {
            let mut l = Layer::template(kind, "x".into(), "T".into());
            for (n, f) in kind_fields(kind)
                .chain(layer_fields())
                .chain(cost_fields(kind))
                .enumerate()
            {
                let v = 0.25 + n as f64;
                f.set(&mut l, v);
                assert_eq!(f.get(&l), Some(v), "{kind} {}", f.key());
            }
        }
    }

    #[test]
    fn every_kind_parameter_is_shown_once() {
        // Guards the split of the fee tier into the cost group: none lost, none twice.
        for kind in Kind::ALL {
            let shown = kind_fields(kind)
                .chain(cost_fields(kind))
                .filter(|f| matches!(f, LayerParam::Kind(_)))
                .count();
            assert_eq!(shown, kind_params(kind).len(), "{kind}");
        }
    }
}
