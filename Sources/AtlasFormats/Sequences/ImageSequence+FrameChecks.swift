extension ImageSequence {
    /// Checks each frame's inspection against the others: unreadable frames give `sequence_bad_frame`,
    /// and frames whose resolution or channels differ from the most common ones give `sequence_frame_mismatch`.
    /// Frames without a report are not judged.
    public func frameIssues(_ reports: [Int: FormatReport]) -> [FormatIssue] {
        var issues: [FormatIssue] = []
        var bad: [Int] = []
        var signatures: [Int: FrameSignature] = [:]
        for frame in frames {
            guard let report = reports[frame] else { continue }
            if report.hasErrors || report.image == nil {
                bad.append(frame)
            } else if let image = report.image {
                signatures[frame] = FrameSignature(width: image.width, height: image.height, channels: image.channelNames)
            }
        }
        if !bad.isEmpty {
            let codes = Set(bad.compactMap { reports[$0]?.issues.first { $0.severity == .error }?.code.rawValue }).sorted()
            issues.append(.warning(.sequenceBadFrame,
                "frame\(bad.count == 1 ? "" : "s") \(FrameRanges.text(frames: bad)) of \(pattern.hashNotation) "
                    + "\(bad.count == 1 ? "is" : "are") unreadable (\(codes.joined(separator: ", ")))"))
        }
        var framesBySignature: [FrameSignature: [Int]] = [:]
        for (frame, signature) in signatures { framesBySignature[signature, default: []].append(frame) }
        // The most common signature is the reference; ties go to the one that appears first.
        guard let reference = framesBySignature.max(by: { lhs, rhs in
            lhs.value.count != rhs.value.count ? lhs.value.count < rhs.value.count : lhs.value.min()! > rhs.value.min()!
        })?.key else { return issues }
        for (signature, members) in framesBySignature.sorted(by: { $0.value.min()! < $1.value.min()! }) where signature != reference {
            let list = FrameRanges.text(frames: members.sorted())
            issues.append(.warning(.sequenceFrameMismatch,
                "frame\(members.count == 1 ? "" : "s") \(list) \(members.count == 1 ? "is" : "are") \(signature) "
                    + "while the rest of \(pattern.hashNotation) is \(reference)"))
        }
        return issues
    }
}
