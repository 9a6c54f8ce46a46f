import Foundation
import Storage

/// What this instance has seen refuse every booking of a slot, whoever asks, and for how long: a closed session
/// (for good), a slot not yet released (until its release time), a slot whose places are all taken by appointments
/// (for `fullFor`, or until this instance frees one of its places). The crowd that keeps trying a slot after the
/// release-minute rush has filled it is refused from here, without a database read and without queueing behind the
/// bookings still being written.
///
/// Only appointments make a slot full here: places held for a few minutes free themselves when the hold expires,
/// so a slot full of holds is never remembered. Another instance may free a place (a cancellation there): this
/// instance then refuses for at most `fullFor` more, as its availability lists are at most a second old.
final class SlotRefusals: Sendable {
    private struct Refusal: Sendable {
        let error: SchedulingError
        /// When it applies: from the moment it was seen (a clock set back must not stretch it) until it ends.
        let from: Date, until: Date
    }

    private let refusals = BoundedMemory<String, Refusal>()
    private let fullFor: TimeInterval

    init(fullFor: TimeInterval = 1) { self.fullFor = fullFor }

    /// The refusal remembered for a slot, if it still applies at `now`.
    func refusal(forSlot slotId: String, now: Date) -> SchedulingError? {
        guard let known = refusals[slotId], known.from <= now, now < known.until else { return nil }
        return known.error
    }

    /// The refusal that a slot, as a transaction reads it, gives everyone; remembered when it lasts.
    func refusal(observing slot: Slot, now: Date) -> SchedulingError? {
        if !slot.sessionOpen {
            remember(Refusal(error: .sessionClosed, from: .distantPast, until: .distantFuture), forSlot: slot.id)
            return .sessionClosed
        }
        if now < slot.releaseAt {
            let error = SchedulingError.notReleased(releaseAt: slot.releaseAt)
            remember(Refusal(error: error, from: .distantPast, until: slot.releaseAt), forSlot: slot.id)
            return error
        }
        if now >= slot.startsAt { return .slotInPast }
        if slot.booked >= slot.capacity {
            filled(slot: slot.id, at: now)
            return .slotFull
        }
        return nil
    }

    /// Records that the slot's places are all booked (after a booking that took the last one has committed).
    func filled(slot slotId: String, at now: Date) {
        remember(Refusal(error: .slotFull, from: now, until: now.addingTimeInterval(fullFor)), forSlot: slotId)
    }

    /// Forgets a slot once this instance has freed one of its places.
    func placeFreed(inSlot slotId: String) { refusals.forget(slotId) }

    private func remember(_ refusal: Refusal, forSlot slotId: String) { refusals.remember(refusal, for: slotId) }
}
