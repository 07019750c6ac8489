/// Python's `heapq` on an array, step for step: `/queue` shows `queue_pending` in heap order,
/// so the order of `_siftdown`/`_siftup` is part of the protocol.
struct PythonHeap<Element> {
    private(set) var items: [Element] = []
    private let less: (Element, Element) -> Bool

    init(less: @escaping (Element, Element) -> Bool) { self.less = less }

    var isEmpty: Bool { items.isEmpty }
    var count: Int { items.count }

    mutating func push(_ item: Element) {
        items.append(item)
        siftDown(from: 0, position: items.count - 1)
    }

    mutating func pop() -> Element? {
        guard let last = items.popLast() else { return nil }
        guard !items.isEmpty else { return last }
        let first = items[0]
        items[0] = last
        siftUp(0)
        return first
    }

    /// Removes the first item (in array order) that matches, then re-heapifies, as ComfyUI's
    /// `delete_queue_item` does.
    mutating func removeFirst(where matches: (Element) -> Bool) -> Element? {
        guard let index = items.firstIndex(where: matches) else { return nil }
        let removed = items.remove(at: index)
        for position in stride(from: items.count / 2 - 1, through: 0, by: -1) { siftUp(position) }
        return removed
    }

    mutating func removeAll() { items.removeAll() }

    private mutating func siftDown(from start: Int, position: Int) {
        var position = position
        let item = items[position]
        while position > start {
            let parent = (position - 1) >> 1
            guard less(item, items[parent]) else { break }
            items[position] = items[parent]
            position = parent
        }
        items[position] = item
    }

    private mutating func siftUp(_ start: Int) {
        var position = start
        let item = items[position]
        var child = 2 * position + 1
        while child < items.count {
            let right = child + 1
            if right < items.count, !less(items[child], items[right]) { child = right }
            items[position] = items[child]
            position = child
            child = 2 * position + 1
        }
        items[position] = item
        siftDown(from: start, position: position)
    }
}
