// A vector that keeps up to N elements inline. Tensor sizes and strides are
// almost always <= 6 long; keeping them inline saves an allocation per view.
// Only for trivially copyable T (ints, pointers), which keeps it short.
#pragma once

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstring>
#include <initializer_list>
#include <span>
#include <type_traits>
#include <vector>

namespace ember {

template <class T, size_t N>
class SmallVector {
  static_assert(std::is_trivially_copyable_v<T>, "SmallVector holds trivially copyable types");

 public:
  using value_type = T;
  using iterator = T*;
  using const_iterator = const T*;

  SmallVector() = default;
  explicit SmallVector(size_t n, T value = T()) { assign(n, value); }
  SmallVector(std::initializer_list<T> init) { assign(init.begin(), init.end()); }
  template <class R, class = decltype(std::declval<const R&>().begin())>
  explicit SmallVector(const R& r) { assign(r.begin(), r.end()); }
  SmallVector(const std::vector<T>& v) { assign(v.begin(), v.end()); }
  template <class It>
  SmallVector(It first, It last) { assign(first, last); }
  SmallVector(const SmallVector& o) { assign(o.begin(), o.end()); }
  SmallVector& operator=(const SmallVector& o) {
    if (this != &o) assign(o.begin(), o.end());
    return *this;
  }
  SmallVector(SmallVector&& o) noexcept { moveFrom(o); }
  SmallVector& operator=(SmallVector&& o) noexcept {
    if (this != &o) {
      freeHeap();
      moveFrom(o);
    }
    return *this;
  }
  ~SmallVector() { freeHeap(); }

  template <class It>
  void assign(It first, It last) {
    size_ = 0;
    reserve(static_cast<size_t>(std::distance(first, last)));
    for (; first != last; ++first) data_[size_++] = static_cast<T>(*first);
  }
  void assign(size_t n, T value) {
    size_ = 0;
    reserve(n);
    std::fill(data_, data_ + n, value);
    size_ = n;
  }

  void reserve(size_t n) {
    if (n <= cap_) return;
    size_t cap = std::max(n, cap_ * 2);
    T* heap = new T[cap];
    if (size_) std::memcpy(heap, data_, size_ * sizeof(T));
    freeHeap();
    data_ = heap;
    cap_ = cap;
  }
  void resize(size_t n, T value = T()) {
    reserve(n);
    for (size_t i = size_; i < n; ++i) data_[i] = value;
    size_ = n;
  }
  void push_back(T v) {
    if (size_ == cap_) reserve(size_ + 1);
    data_[size_++] = v;
  }
  void pop_back() {
    assert(size_ > 0 && "pop_back on empty SmallVector");
    --size_;
  }
  iterator insert(const_iterator pos, T v) {
    size_t i = static_cast<size_t>(pos - data_);
    push_back(v);
    std::rotate(data_ + i, data_ + size_ - 1, data_ + size_);
    return data_ + i;
  }
  iterator erase(const_iterator pos) {
    size_t i = static_cast<size_t>(pos - data_);
    std::copy(data_ + i + 1, data_ + size_, data_ + i);
    --size_;
    return data_ + i;
  }
  void clear() { size_ = 0; }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T* data() { return data_; }
  const T* data() const { return data_; }
  T& operator[](size_t i) {
    assert(i < size_ && "SmallVector index out of range");
    return data_[i];
  }
  const T& operator[](size_t i) const {
    assert(i < size_ && "SmallVector index out of range");
    return data_[i];
  }
  T& back() { return data_[size_ - 1]; }
  const T& back() const { return data_[size_ - 1]; }
  T& front() { return data_[0]; }
  const T& front() const { return data_[0]; }
  iterator begin() { return data_; }
  iterator end() { return data_ + size_; }
  const_iterator begin() const { return data_; }
  const_iterator end() const { return data_ + size_; }

  operator std::span<const T>() const { return {data_, size_}; }
  std::vector<T> vec() const { return std::vector<T>(begin(), end()); }

  friend bool operator==(const SmallVector& a, const SmallVector& b) {
    return a.size_ == b.size_ && std::equal(a.begin(), a.end(), b.begin());
  }

 private:
  bool isInline() const { return data_ == inline_; }
  void freeHeap() {
    if (!isInline()) delete[] data_;
    data_ = inline_;
    cap_ = N;
  }
  void moveFrom(SmallVector& o) {
    if (o.isInline()) {
      data_ = inline_;
      cap_ = N;
      std::memcpy(inline_, o.inline_, o.size_ * sizeof(T));
    } else {
      data_ = o.data_;
      cap_ = o.cap_;
      o.data_ = o.inline_;
      o.cap_ = N;
    }
    size_ = o.size_;
    o.size_ = 0;
  }

  T* data_ = inline_;
  size_t size_ = 0;
  size_t cap_ = N;
  T inline_[N];
};

}  // namespace ember
