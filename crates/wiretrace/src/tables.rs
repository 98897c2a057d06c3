//! Tables for scripts and data tools: named, typed columns written as JSON lines, CSV or
//! Parquet.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;

/// The values of one column; `None` is a missing value (empty in CSV, `null` in JSON, null in
/// Parquet).
#[derive(Debug, Clone, PartialEq)]
pub enum Column {
    /// Text.
    Text(Vec<Option<String>>),
    /// Whole numbers.
    Int(Vec<Option<i64>>),
    /// Real numbers.
    Float(Vec<Option<f64>>),
    /// True or false.
    Bool(Vec<Option<bool>>),
}

impl Column {
    fn len(&self) -> usize {
        match self {
            Column::Text(v) => v.len(),
            Column::Int(v) => v.len(),
            Column::Float(v) => v.len(),
            Column::Bool(v) => v.len(),
        }
    }

    fn json(&self, row: usize) -> serde_json::Value {
        use serde_json::Value;
        match self {
            Column::Text(v) => v[row].as_ref().map_or(Value::Null, |s| Value::String(s.clone())),
            Column::Int(v) => v[row].map_or(Value::Null, Value::from),
            Column::Float(v) => v[row].map_or(Value::Null, Value::from),
            Column::Bool(v) => v[row].map_or(Value::Null, Value::Bool),
        }
    }

    fn csv(&self, row: usize) -> String {
        match self {
            Column::Text(v) => v[row].clone().unwrap_or_default(),
            Column::Int(v) => v[row].map(|x| x.to_string()).unwrap_or_default(),
            Column::Float(v) => v[row].map(|x| x.to_string()).unwrap_or_default(),
            Column::Bool(v) => v[row].map(|x| x.to_string()).unwrap_or_default(),
        }
    }
}

/// A table: a name and columns of equal length.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The table's name (the file name it is written under, without extension).
    pub name: String,
    /// Its columns, in order.
    pub columns: Vec<(String, Column)>,
}

impl Table {
    /// An empty table.
    pub fn new(name: &str) -> Self {
        Self { name: name.to_string(), columns: Vec::new() }
    }

    /// Adds a column.
    ///
    /// # Panics
    /// When its length differs from the columns before it (a programming error).
    pub fn with(mut self, name: &str, column: Column) -> Self {
        if let Some((_, first)) = self.columns.first() {
            assert_eq!(first.len(), column.len(), "column {name} of table {} has another length", self.name);
        }
        self.columns.push((name.to_string(), column));
        self
    }

    /// Number of rows.
    pub fn rows(&self) -> usize {
        self.columns.first().map_or(0, |(_, c)| c.len())
    }
}

/// How a table is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// JSON lines: one object per row.
    Json,
    /// Comma-separated values with a header row.
    Csv,
    /// Apache Parquet (Snappy-compressed), for pandas, Polars, Arrow, Spark and DuckDB.
    Parquet,
}

impl Format {
    /// The file extension of the format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "jsonl",
            Format::Csv => "csv",
            Format::Parquet => "parquet",
        }
    }
}

/// Writes `table` in `format` to `out`.
pub fn write<W: Write + Send>(table: &Table, format: Format, out: W) -> Result<(), String> {
    match format {
        Format::Json => write_json(table, out),
        Format::Csv => write_csv(table, out),
        Format::Parquet => write_parquet(table, out).map_err(|e| format!("cannot write Parquet: {e}")),
    }
}

/// Writes `table` in `format` to the file `path`.
pub fn write_file(table: &Table, format: Format, path: &Path) -> Result<(), String> {
    let file = std::fs::File::create(path).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    let mut out = std::io::BufWriter::new(file);
    write(table, format, &mut out)
        .and_then(|()| out.flush().map_err(|e| e.to_string()))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn write_json<W: Write>(table: &Table, mut out: W) -> Result<(), String> {
    // Written by hand so that the keys keep the columns' order.
    let keys: Vec<String> =
        table.columns.iter().map(|(name, _)| serde_json::Value::from(name.as_str()).to_string()).collect();
    for row in 0..table.rows() {
        let mut line = String::from("{");
        for (k, (key, (_, c))) in keys.iter().zip(&table.columns).enumerate() {
            if k > 0 {
                line.push(',');
            }
            line += key;
            line.push(':');
            line += &c.json(row).to_string();
        }
        line.push('}');
        writeln!(out, "{line}").map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}

fn write_csv<W: Write>(table: &Table, out: W) -> Result<(), String> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(table.columns.iter().map(|(n, _)| n.as_str())).map_err(|e| e.to_string())?;
    for row in 0..table.rows() {
        w.write_record(table.columns.iter().map(|(_, c)| c.csv(row))).map_err(|e| e.to_string())?;
    }
    w.flush().map_err(|e| e.to_string())
}

fn write_parquet<W: Write + Send>(table: &Table, out: W) -> parquet::errors::Result<()> {
    use parquet::basic::{Compression, LogicalType, Repetition, Type as Physical};
    use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int64Type};
    use parquet::file::properties::WriterProperties;
    use parquet::file::writer::SerializedFileWriter;
    use parquet::schema::types::Type;

    let fields = table
        .columns
        .iter()
        .map(|(name, c)| {
            let (physical, logical) = match c {
                Column::Text(_) => (Physical::BYTE_ARRAY, Some(LogicalType::String)),
                Column::Int(_) => (Physical::INT64, None),
                Column::Float(_) => (Physical::DOUBLE, None),
                Column::Bool(_) => (Physical::BOOLEAN, None),
            };
            Type::primitive_type_builder(name, physical)
                .with_repetition(Repetition::OPTIONAL)
                .with_logical_type(logical)
                .build()
                .map(Arc::new)
        })
        .collect::<parquet::errors::Result<Vec<_>>>()?;
    let schema = Arc::new(Type::group_type_builder(&table.name).with_fields(fields).build()?);
    let props = Arc::new(WriterProperties::builder().set_compression(Compression::SNAPPY).build());
    let mut writer = SerializedFileWriter::new(out, schema, props)?;
    let mut group = writer.next_row_group()?;
    for (_, column) in &table.columns {
        let Some(mut w) = group.next_column()? else { break };
        fn levels<T>(v: &[Option<T>]) -> Vec<i16> {
            v.iter().map(|x| i16::from(x.is_some())).collect()
        }
        match column {
            Column::Text(v) => {
                let values: Vec<ByteArray> = v.iter().flatten().map(|s| ByteArray::from(s.as_str())).collect();
                w.typed::<ByteArrayType>().write_batch(&values, Some(&levels(v)), None)?;
            }
            Column::Int(v) => {
                let values: Vec<i64> = v.iter().flatten().copied().collect();
                w.typed::<Int64Type>().write_batch(&values, Some(&levels(v)), None)?;
            }
            Column::Float(v) => {
                let values: Vec<f64> = v.iter().flatten().copied().collect();
                w.typed::<DoubleType>().write_batch(&values, Some(&levels(v)), None)?;
            }
            Column::Bool(v) => {
                let values: Vec<bool> = v.iter().flatten().copied().collect();
                w.typed::<BoolType>().write_batch(&values, Some(&levels(v)), None)?;
            }
        }
        w.close()?;
    }
    group.close()?;
    writer.close()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        Table::new("sample")
            .with("name", Column::Text(vec![Some("a, \"quoted\"".into()), None, Some("ünï".into())]))
            .with("n", Column::Int(vec![Some(1), Some(-2), None]))
            .with("share", Column::Float(vec![None, Some(0.25), Some(1.0)]))
            .with("flag", Column::Bool(vec![Some(true), None, Some(false)]))
    }

    #[test]
    fn json_lines_keep_types_and_nulls() {
        let mut out = Vec::new();
        write(&sample(), Format::Json, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 3);
        assert!(text.starts_with("{\"name\":\"a, \\\"quoted\\\"\",\"n\":1,"), "{text}");
        assert_eq!(lines[0]["name"], "a, \"quoted\"");
        assert_eq!(lines[1]["name"], serde_json::Value::Null);
        assert_eq!(lines[1]["n"], -2);
        assert_eq!(lines[2]["share"], 1.0);
        assert_eq!(lines[0]["flag"], true);
    }

    #[test]
    fn csv_quotes_and_leaves_missing_values_empty() {
        let mut out = Vec::new();
        write(&sample(), Format::Csv, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let mut r = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), ["name", "n", "share", "flag"]);
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(&rows[0][0], "a, \"quoted\"");
        assert_eq!(&rows[1][0], "");
        assert_eq!(&rows[1][2], "0.25");
    }

    #[test]
    fn parquet_reads_back_with_its_schema_and_values() {
        use parquet::file::reader::{FileReader, SerializedFileReader};
        let file = tempfile::NamedTempFile::new().unwrap();
        write_file(&sample(), Format::Parquet, file.path()).unwrap();
        let reader = SerializedFileReader::new(std::fs::File::open(file.path()).unwrap()).unwrap();
        let meta = reader.metadata().file_metadata();
        assert_eq!(meta.num_rows(), 3);
        let names: Vec<&str> = meta.schema_descr().columns().iter().map(|c| c.name()).collect();
        assert_eq!(names, ["name", "n", "share", "flag"]);
        let rows: Vec<String> = reader.get_row_iter(None).unwrap().map(|r| r.unwrap().to_string()).collect();
        assert_eq!(rows[1], "{name: null, n: -2, share: 0.25, flag: null}");
        assert!(rows[0].contains("a, \\\"quoted\\\"") || rows[0].contains("a, \"quoted\""), "{}", rows[0]);
        assert!(rows[2].contains("ünï"));
    }
}
