//! Fast paths of the filter: finding the next byte that needs attention a word at a time, and
//! recognising the common CSI sequences that need no attention at all.

use super::{ESC, SI, SO};

/// Returns the length of the CSI sequence at the start of `bytes` if it is complete, made
/// of parameter bytes only and not one term-emu tracks: such a sequence (most are SGR) can
/// pass to the parser without going through the state machine byte by byte.
pub(super) fn plain_csi_len(bytes: &[u8]) -> Option<usize> {
    if bytes.get(1) != Some(&b'[') {
        return None;
    }
    let params = bytes
        .get(2..)?
        .iter()
        .take(64)
        .position(|b| !(0x30..=0x3f).contains(b))?;
    let final_byte = *bytes.get(2 + params)?;
    let tracked = final_byte == b'r' || (bytes[2] == b'?' && matches!(final_byte, b'h' | b'l'));
    ((0x40..=0x7e).contains(&final_byte) && !tracked).then_some(3 + params)
}

/// Returns the index of the first ESC, SO or SI in `bytes`, eight bytes at a time.
pub(super) fn find_shift_or_escape(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGHS: u64 = ONES * 0x80;
    // Whether some byte of `w` is zero.
    let any_zero = |w: u64| w.wrapping_sub(ONES) & !w & HIGHS != 0;
    let mut words = bytes.chunks_exact(8);
    let mut skipped = 0;
    for word in words.by_ref() {
        let mut a = [0; 8];
        a.copy_from_slice(word);
        let w = u64::from_le_bytes(a);
        // SO and SI differ only in their lowest bit.
        if any_zero(w ^ (ONES * u64::from(ESC))) || any_zero((w | ONES) ^ (ONES * u64::from(SI))) {
            break;
        }
        skipped += 8;
    }
    bytes
        .get(skipped..)?
        .iter()
        .position(|&b| b == ESC || b == SO || b == SI)
        .map(|n| skipped + n)
}
