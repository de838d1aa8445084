"""The retrieval half of Gyoryu: passages, embeddings in FAISS, Korean BM25, hybrid search and partner finding."""
