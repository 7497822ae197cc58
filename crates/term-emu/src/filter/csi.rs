//! The few facts the filter keeps about a CSI sequence while passing it on unbuffered.

/// How many parameters are kept; later ones are ignored.
const MAX_PARAMS: usize = 16;

/// Where a CSI sequence is, following vte's states.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Phase {
    #[default]
    Entry,
    Param,
    Intermediate,
}

/// A CSI sequence seen by the filter: private marker, parameters, intermediate and final byte.
#[derive(Debug, Clone, Default)]
pub(crate) struct Csi {
    /// The private marker (`<`, `=`, `>` or `?`), or 0.
    pub private: u8,
    /// The first intermediate byte (0x20–0x2f), or 0.
    pub intermediate: u8,
    /// The final byte, once seen.
    pub final_byte: u8,
    params: [u16; MAX_PARAMS],
    /// Index of the parameter being read.
    current: usize,
    /// Whether a `:` sub-parameter appeared.
    subparams: bool,
    phase: Phase,
}

impl Csi {
    /// Takes the next byte of the sequence; returns false when vte would ignore the whole
    /// sequence from here (a parameter byte after an intermediate, a late private marker).
    pub(crate) fn push(&mut self, b: u8) -> bool {
        match b {
            0x30..=0x3b if self.phase == Phase::Intermediate => return false,
            0x30..=0x39 => {
                self.phase = Phase::Param;
                if let Some(p) = self.params.get_mut(self.current) {
                    let value = (u32::from(*p) * 10 + u32::from(b - b'0')).min(0xffff);
                    *p = u16::try_from(value).unwrap_or(u16::MAX);
                }
            }
            b':' => {
                self.phase = Phase::Param;
                self.subparams = true;
            }
            b';' => {
                self.phase = Phase::Param;
                self.current = self.current.saturating_add(1);
            }
            0x3c..=0x3f if self.phase == Phase::Entry => {
                self.private = b;
                self.phase = Phase::Param;
            }
            0x3c..=0x3f => return false,
            0x20..=0x2f => {
                if self.intermediate == 0 {
                    self.intermediate = b;
                }
                self.phase = Phase::Intermediate;
            }
            0x40..=0x7e => self.final_byte = b,
            _ => {}
        }
        true
    }

    /// Returns the parameters read, 0 where omitted.
    pub(crate) fn params(&self) -> &[u16] {
        let n = (self.current + 1).min(MAX_PARAMS);
        &self.params[..n]
    }

    /// Returns whether this sets private modes (`CSI ? … h`) rather than resetting them.
    pub(crate) fn sets(&self) -> bool {
        self.final_byte == b'h'
    }

    /// Returns whether this is `CSI ? … h` or `CSI ? … l` naming one of `modes`.
    pub(crate) fn private_modes(&self, modes: &[u16]) -> bool {
        self.private == b'?'
            && self.intermediate == 0
            && !self.subparams
            && matches!(self.final_byte, b'h' | b'l')
            && self.params().iter().any(|p| modes.contains(p))
    }

    /// Returns whether this is DECSTBM, setting the scroll region.
    pub(crate) fn is_scroll_region(&self) -> bool {
        self.private == 0 && self.intermediate == 0 && !self.subparams && self.final_byte == b'r'
    }

    /// Returns whether this is DECSTR, the soft reset (`CSI ! p`).
    pub(crate) fn is_soft_reset(&self) -> bool {
        self.private == 0 && self.intermediate == b'!' && self.final_byte == b'p'
    }

    /// Returns whether the sink must see this sequence once the parser has acted on it.
    pub(crate) fn is_tracked(&self) -> bool {
        self.is_scroll_region() || self.private_modes(TRACKED_MODES)
    }
}

/// The private modes the filter reports to the sink after the parser: origin mode, the xterm
/// alternate screen and cursor save (the character sets follow 1048 and 1049).
pub(crate) const TRACKED_MODES: &[u16] = &[6, 1047, 1048, 1049];

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &[u8]) -> Option<Csi> {
        let mut c = Csi::default();
        s.iter().all(|&b| c.push(b)).then_some(c)
    }

    #[test]
    fn reads_markers_parameters_and_finals() {
        let c = parse(b"?1049;6h").expect("valid");
        assert_eq!(
            (c.private, c.params(), c.sets()),
            (b'?', &[1049, 6][..], true)
        );
        assert!(c.is_tracked());
        let r = parse(b"2;10r").expect("valid");
        assert!(r.is_scroll_region());
        assert_eq!(r.params(), &[2, 10]);
        assert!(parse(b"!p").expect("valid").is_soft_reset());
        assert!(parse(b"1$?p").is_none());
        assert!(parse(b"1?h").is_none());
        assert!(!parse(b"?25l").expect("valid").is_tracked());
    }

    #[test]
    fn many_or_huge_parameters_are_capped() {
        let mut long = b"?".to_vec();
        for _ in 0..100 {
            long.extend_from_slice(b"99999999;");
        }
        long.push(b'h');
        let c = parse(&long).expect("valid");
        assert_eq!(c.params().len(), MAX_PARAMS);
        assert!(c.params().iter().all(|&p| p == u16::MAX));
    }
}
