// opencc-js ships no types for its dictionary modules: each is one string, "from to|from to|…".
declare module 'opencc-js/dict/TSCharacters' {
  const pairs: string;
  export default pairs;
}
